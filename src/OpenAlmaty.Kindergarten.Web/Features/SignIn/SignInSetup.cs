using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenAlmaty.Kindergarten.Web.Localization;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.SignIn;

public static class SignInSetup
{
    public const string RateLimitPolicy = "sign-in";

    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<NonceStore>();
        services.AddScoped<SignInService>();
        services.AddScoped<SignedRequests>();

        // The demo keys' test CA (DemoData:KeysFolder/ca.crt) is trusted everywhere but production.
        services.AddOptions<EdsOptions>().PostConfigure<IConfiguration, IHostEnvironment>((o, cfg, env) =>
        {
            if (DemoKeys.TrustedFolderAnchor(cfg, env) is { } ca && !o.TrustAnchors.Contains(ca)) o.TrustAnchors.Add(ca);
        });

        // Session and anti-forgery cookies travel only over HTTPS in production; development
        // and the test hosts run on plain http.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<IHostEnvironment>((o, env) =>
            {
                o.Cookie.HttpOnly = true;
                if (IsProductionLike(env)) o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            });
        services.AddOptions<AntiforgeryOptions>().PostConfigure<IHostEnvironment>((o, env) =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            if (IsProductionLike(env)) o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        });

        var permits = config.GetValue("SignIn:AttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = "60";
                var kk = Lang.Current(context.HttpContext) == "kk";
                await context.HttpContext.Response.WriteAsync(kk
                    ? "Кіру әрекеттері тым көп. Бір минут күтіп, қайталап көріңіз."
                    : "Слишком много попыток входа. Подождите минуту и попробуйте снова.", ct);
            };
        });
        return services;
    }

    /// After UseRouting: the limiter reads the endpoint's policy.
    public static IApplicationBuilder UseSignIn(this IApplicationBuilder app) => app.UseRateLimiter();

    private static bool IsProductionLike(IHostEnvironment env) => !env.IsDevelopment() && !env.IsEnvironment("Testing");
}
