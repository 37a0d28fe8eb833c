using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// Makes a referral's PDF with the portal's public address in its QR code. The PDF is made
/// once, when the referral is issued, and stored under "Общие документы".
public sealed class ReferralDocuments
{
    public const string BaseUrlSetting = "Portal:PublicBaseUrl";
    public const string DefaultBaseUrl = "http://127.0.0.1:5080";
    public const string ContentType = "application/pdf";

    private readonly string _baseUrl;

    public ReferralDocuments(string publicBaseUrl)
    {
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException($"{BaseUrlSetting} must be an absolute http(s) address, not '{publicBaseUrl}'.");
        _baseUrl = publicBaseUrl.TrimEnd('/');
    }

    /// The public page that the QR code opens: /verify/{code}.
    public string VerificationUrl(string verificationCode) => $"{_baseUrl}/verify/{Uri.EscapeDataString(verificationCode)}";

    /// <paramref name="application"/> with its Child and Applicant loaded.
    public byte[] Render(Referral referral, Domain.Applications.Application application, PreschoolOrganisation organisation) =>
        ReferralDocument.Render(ReferralDocumentData.From(referral, application, organisation, VerificationUrl(referral.VerificationCode)));

    public static string FileName(Referral referral) => $"napravlenie-{referral.Number}.pdf";
}

public static class ReferralDocumentsSetup
{
    public static IServiceCollection AddReferralDocuments(this IServiceCollection services, IConfiguration config)
    {
        DejaVuFontResolver.Register();
        services.AddSingleton(new ReferralDocuments(config[ReferralDocuments.BaseUrlSetting] is { Length: > 0 } url ? url : ReferralDocuments.DefaultBaseUrl));
        return services;
    }
}
