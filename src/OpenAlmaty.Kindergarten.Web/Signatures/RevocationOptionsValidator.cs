using Microsoft.Extensions.Options;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// A portal in Production must ask NCA whether a certificate was revoked: a stolen key that NCA
/// has revoked would otherwise still sign in and sign requests. Checked at start
/// (ValidateOnStart), so a misconfigured instance never serves a request.
public sealed class RevocationOptionsValidator(IHostEnvironment environment) : IValidateOptions<EdsOptions>
{
    public ValidateOptionsResult Validate(string? name, EdsOptions options)
    {
        if (!environment.IsProduction()) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (options.Revocation == RevocationMode.Off)
            failures.Add("Eds:Revocation is Off, which Production does not allow: set Eds__Revocation=Ocsp or OcspThenCrl " +
                "(NCA RK's OCSP responder is http://ocsp.pki.gov.kz/, its CRLs are at crl.pki.gov.kz).");
        if (options.RevocationTimeout <= TimeSpan.Zero || options.RevocationTimeout > TimeSpan.FromSeconds(30))
            failures.Add($"Eds:RevocationTimeout is {options.RevocationTimeout}: give 1 to 30 seconds (a person waits for it).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
