namespace OpenAlmaty.Kindergarten.Web.Infrastructure;

public static class SecurityHeaders
{
    /// No inline script anywhere: every script is a file under /js or /lib.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var config = context.RequestServices.GetRequiredService<IConfiguration>();
        var tiles = config["Map:TileOrigin"];
        var h = context.Response.Headers;
        h["X-Content-Type-Options"] = "nosniff";
        h["X-Frame-Options"] = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()";
        h["Content-Security-Policy"] =
            "default-src 'self'; script-src 'self'; style-src 'self'; " +
            $"img-src 'self' data: {tiles}; connect-src 'self' wss://127.0.0.1:13579; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        await next();
    });
}
