using Microsoft.Extensions.Options;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Infrastructure;

/// The configuration checked before the portal serves a request (ValidateOnStart): each problem
/// is one line, and any problem stops the start. Every relaxation is a setting that is off unless
/// set and is refused in Production. To add a rule, add one more `if … yield return` below.
public sealed class StartupChecks(IConfiguration config, IHostEnvironment environment) : IValidateOptions<EdsOptions>
{
    public static IServiceCollection AddStartupChecks(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<EdsOptions>, StartupChecks>();
        services.AddOptions<EdsOptions>().ValidateOnStart();
        return services;
    }

    public ValidateOptionsResult Validate(string? name, EdsOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private IEnumerable<string> Problems(EdsOptions eds)
    {
        if (!environment.IsProduction()) yield break;
        if (eds.TrustDevelopmentCa) yield return "Eds:TrustDevelopmentCa is set: the development CA cannot be trusted in Production.";
        if (eds.AllowTestIins) yield return "Eds:AllowTestIins is set: NCA's test IINs cannot be accepted in Production.";
        if (eds.AllowKeyFileSigning) yield return "Eds:AllowKeyFileSigning is set: in Production people sign through NCALayer.";
        if (config.GetValue("Auth:AllowInsecureCookies", false)) yield return "Auth:AllowInsecureCookies is set: cookies travel over HTTPS only in Production.";
        if (string.IsNullOrWhiteSpace(config["DataProtection:CertificateFile"]))
            yield return "DataProtection:CertificateFile is not set: the cookie keys must be encrypted at rest with a certificate in Production.";
        else if (!File.Exists(config["DataProtection:CertificateFile"]))
            yield return $"DataProtection:CertificateFile names no file ({config["DataProtection:CertificateFile"]}).";
        if (eds.TrustAnchors.Count == 0) yield return "Eds:TrustAnchors is empty: pin NCA RK's CA certificates.";
    }
}
