namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// How the certificate's revocation is checked: not at all (development: no network),
/// by OCSP, or by OCSP and then the CRL when OCSP gives no answer.
public enum RevocationMode { Off, Ocsp, OcspThenCrl }

/// Section "Eds".
public sealed class EdsOptions
{
    public const string Section = "Eds";

    /// Pinned CA certificates (DER or PEM files). A signer's certificate must be issued by one of
    /// them; the OS trust store is never consulted.
    public List<string> TrustAnchors { get; set; } = [];

    /// NCA's test certificates carry IINs such as 123456789011 that fail the check digit.
    /// Off unless set; refused in Production (Infrastructure/StartupChecks).
    public bool AllowTestIins { get; set; }

    /// Trust the demo keys' development CA (DemoData:KeysFolder/ca.crt). Off unless set;
    /// refused in Production.
    public bool TrustDevelopmentCa { get; set; }

    /// The in-page key-file signer (node-forge) next to NCALayer. Off unless set; refused in
    /// Production, where NCALayer is the official way.
    public bool AllowKeyFileSigning { get; set; }

    public RevocationMode Revocation { get; set; } = RevocationMode.Off;

    public TimeSpan RevocationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// A prepared signed request ("Подписать и отправить") is accepted this many minutes after
    /// the page made it; later the person opens the page again (issue 11: requests expire).
    public int SignedRequestMinutes { get; set; } = 15;
}
