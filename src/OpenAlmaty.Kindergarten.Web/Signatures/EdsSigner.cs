namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The signing controls inside a form marked data-eds-form (Features/Shared/Views/_EdsSigner):
/// the key storage list, the key-file fields and the status line that wwwroot/js/eds.js drives.
/// KeyType is NCALayer's: AUTHENTICATION to sign in, SIGNATURE for a request. A signed request:
///   var (id, xml) = await signedRequests.PrepareAsync(iin, "withdraw", applicationId, fields);
///   &lt;form method="post" action="…" data-eds-form data-eds-xml="@xml"&gt;
///     &lt;input type="hidden" name="requestId" value="@id" /&gt;
///     &lt;input type="hidden" name="signedXml" data-eds-result /&gt;
///     &lt;partial name="_EdsSigner" model='new EdsSigner(EdsSigner.Signature, "withdraw")' /&gt;
///     &lt;button type="submit" data-eds-submit&gt;Подписать и отправить&lt;/button&gt;
///   &lt;/form&gt;
/// with forge.min.js, eds-keyfile.js, lib/ncalayer-js-client/ncalayer-client.js, eds.js and egov.js
/// in the Scripts section; the POST calls signedRequests.VerifyAsync.
public sealed record EdsSigner(string KeyType, string IdPrefix = "eds")
{
    public const string Authentication = "AUTHENTICATION";
    public const string Signature = "SIGNATURE";

    /// Opening a key file in the page (node-forge): only when Eds:AllowKeyFileSigning is set
    /// (refused in Production, where NCALayer is the official way).
    public static bool KeyFileSigningAllowed(IConfiguration config, IHostEnvironment env) =>
        config.GetValue("Eds:AllowKeyFileSigning", false) && !env.IsProduction();

    /// NCALayer hides test certificates unless asked for any chain: only when a test CA or
    /// NCA's test IINs are switched on.
    public static bool TestCertificatesAllowed(IConfiguration config, IHostEnvironment env) =>
        (config.GetValue("Eds:TrustDevelopmentCa", false) || config.GetValue("Eds:AllowTestIins", false)) && !env.IsProduction();
}
