namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The signing controls inside a form marked data-eds-form (Features/Shared/Views/_EdsSigner):
/// the key storage list, the key-file fields and the status line that wwwroot/js/eds.js drives.
/// KeyType is NCALayer's: AUTHENTICATION to sign in, SIGNATURE for a request.
public sealed record EdsSigner(string KeyType, string IdPrefix = "eds")
{
    public const string Authentication = "AUTHENTICATION";
    public const string Signature = "SIGNATURE";

    /// Opening a key file in the page (node-forge) is on in development and tests; in
    /// production only when Eds:AllowKeyFileSigning says so (NCALayer is the official way).
    public static bool KeyFileSigningAllowed(IConfiguration config, IHostEnvironment env) =>
        config.GetValue<bool?>("Eds:AllowKeyFileSigning") ?? !env.IsProduction();

    /// NCALayer hides test certificates unless asked for any chain; only outside production.
    public static bool TestCertificatesAllowed(IHostEnvironment env) => !env.IsProduction();
}
