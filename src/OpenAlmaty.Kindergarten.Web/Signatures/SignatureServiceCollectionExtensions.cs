using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

public static class SignatureServiceCollectionExtensions
{
    /// ЭЦП verification: options from section "Eds", pinned trust anchors, revocation checks.
    public static IServiceCollection AddSignatureVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EdsOptions>().Bind(configuration.GetSection(EdsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EdsOptions>, RevocationOptionsValidator>());
        services.AddHttpClient(OcspClient.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TrustAnchors>();
        services.AddSingleton<OcspClient>();
        services.AddSingleton<CrlClient>();
        services.AddSingleton<IRevocationChecker, RevocationChecker>();
        services.AddSingleton<CertificateValidator>();
        services.AddSingleton<IXmlSignatureVerifier, XmlSignatureVerifier>();
        services.AddSingleton<CmsSignatureVerifier>();
        return services;
    }
}
