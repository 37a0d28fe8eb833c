namespace OpenAlmaty.Kindergarten.Web.Infrastructure;

/// The web ceiling for bench/: the smallest endpoint behind the same middleware (security
/// headers, request logging, routing, rate limiter, authentication), so that a page's figure
/// can be read as a share of what this Kestrel answers at all. Mapped only when Bench:Enabled.
public static class BenchEndpoints
{
    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        if (app.Configuration.GetValue("Bench:Enabled", false))
            app.MapGet("/bench/ping", () => "ok").AllowAnonymous();
        return app;
    }
}
