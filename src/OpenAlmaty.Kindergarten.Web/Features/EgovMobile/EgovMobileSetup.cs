using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile;

/// Settings of the eGov Mobile way (section EgovMobile).
public sealed class EgovMobileOptions
{
    /// The portal's public address as the phone reaches it (https://…, behind the reverse
    /// proxy); the QR's and API 1's URLs are built on it. Unset outside Production: the
    /// request's own address (development, tests). Unset in Production: the way is off.
    public string? PublicBaseUrl { get; set; }

    /// The city department shown in the app (API 1's organisation).
    public string OrganisationNameRu { get; set; } = "Управление образования города Алматы";
    public string OrganisationNameKz { get; set; } = "Алматы қаласының Білім басқармасы";
    public string OrganisationNameEn { get; set; } = "Almaty City Department of Education";

    /// Twelve digits; the way is off without it (the app shows it to the person).
    public string? OrganisationBin { get; set; }

    /// The app's published launch link; {0} is API 1's URL, escaped.
    public string LaunchLink { get; set; } = "https://mgovsign.page.link/?link={0}&isi=1476128386&ibi=kz.egov.mobile&apn=kz.mobile.mgov";

    /// API 1, API 2 and the waiting pages, per client address.
    public int RequestsPerMinute { get; set; } = 120;
}

public static class EgovMobileSetup
{
    public const string RateLimitPolicy = "egov-mobile";

    public static IServiceCollection AddEgovMobile(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<EgovMobileOptions>().Bind(config.GetSection("EgovMobile"));
        services.AddScoped<EgovTransactions>();
        services.AddSingleton<EgovTransactionMemory>();
        services.AddScoped<EgovMobileAddresses>();
        var permits = config.GetValue("EgovMobile:RequestsPerMinute", 120);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }
}

/// The absolute URLs of one transaction, and whether the way is on at all.
public sealed class EgovMobileAddresses(IOptions<EgovMobileOptions> options, IHostEnvironment env, IHttpContextAccessor http)
{
    public EgovMobileOptions Options => options.Value;

    public string? BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Options.PublicBaseUrl)) return Options.PublicBaseUrl.TrimEnd('/');
            if (env.IsProduction() || http.HttpContext is not { } context) return null;
            return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        }
    }

    public bool Enabled => BaseUrl is not null && Options.OrganisationBin is { Length: 12 } bin && bin.All(char.IsAsciiDigit);

    public string Api1(string id) => $"{BaseUrl}/egov/api?tx={Uri.EscapeDataString(id)}";

    public string Api2(string id) => $"{BaseUrl}/egov/api/document?tx={Uri.EscapeDataString(id)}";

    public static string QrText(string api1) => "mobileSign:" + api1;

    public string AppLink(string api1) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Options.LaunchLink, Uri.EscapeDataString(api1));
}
