using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using OpenAlmaty.Kindergarten.Web.Localization;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.SignIn;

public static class SignInSetup
{
    public const string RateLimitPolicy = "sign-in";
    public const string VerifyRateLimitPolicy = "verify";

    /// The largest sign-in POST read at all: a signed login (at most XmlPreScan.MaxLoginCharacters
    /// of XML, form-encoded up to three bytes a character) and its few fields: 64 KB. A larger
    /// Content-Length is refused (413) before the body is read, decoded or shown to the
    /// anti-forgery check (Shared/BodyLimit; issue 17).
    public const long MaxLoginRequestBytes = 3 * Signatures.XmlPreScan.MaxLoginCharacters + 16 * 1024;

    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<NonceStore>();
        services.AddScoped<SignInService>();
        services.AddScoped<PersonFromCertificate>();
        services.AddScoped<SignedRequests>();

        // The demo keys' test CA (DemoData:KeysFolder/ca.crt) is trusted only when
        // Eds:TrustDevelopmentCa is set (refused in Production by Infrastructure/StartupChecks).
        services.AddOptions<EdsOptions>().PostConfigure<IConfiguration, IHostEnvironment>((o, cfg, env) =>
        {
            if (DemoKeys.TrustedFolderAnchor(cfg, env) is { } ca && !o.TrustAnchors.Contains(ca)) o.TrustAnchors.Add(ca);
        });

        // Anti-forgery cookies travel only over HTTPS unless Auth:AllowInsecureCookies is set
        // (plain-http development and test hosts; refused in Production).
        var insecure = config.GetValue("Auth:AllowInsecureCookies", false);
        services.AddOptions<AntiforgeryOptions>().PostConfigure(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = insecure ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        var permits = config.GetValue("SignIn:AttemptsPerMinute", 10);
        var verifyPermits = config.GetValue("Verify:RequestsPerMinute", 60);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // The public referral check answers anyone; a limit per address keeps codes from being guessed in bulk.
            o.AddPolicy(VerifyRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = verifyPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = "60";
                var lang = context.HttpContext.RequestServices.GetRequiredService<Lang<SignInTexts>>();
                var personFull = context.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason)
                    && reason == Releases.ReleaseDecisionLine.PersonFull;
                await context.HttpContext.Response.WriteAsync(
                    personFull ? lang["Ваше предыдущее решение ещё обрабатывается. Дождитесь ответа на странице и не отправляйте его ещё раз."]
                    : context.HttpContext.Request.Path.StartsWithSegments("/login") ? lang["Слишком много попыток входа. Подождите минуту и попробуйте снова."]
                    : lang["Слишком много запросов. Подождите минуту и попробуйте снова."], ct);
            };
        });
        return services;
    }

    /// After UseRouting: the limiter reads the endpoint's policy; after UseAuthorization, so that a
    /// policy that lines requests up (Releases/ReleaseDecisionLine) lines up signed-in people only.
    public static IApplicationBuilder UseSignIn(this IApplicationBuilder app) => app.UseRateLimiter();
}
