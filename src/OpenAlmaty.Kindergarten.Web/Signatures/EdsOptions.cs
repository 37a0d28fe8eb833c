namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// How the certificate's revocation is checked: not at all (development: no network),
/// by OCSP, or by OCSP and then the CRL when OCSP gives no answer.
public enum RevocationMode { Off, Ocsp, OcspThenCrl }

/// What a signature gets when no revocation source answered in time. A signed action (a request
/// signed with the signing key) is refused whatever this says: it is the legal record.
public enum RevocationUnreachable { Refuse, AllowSignIn }

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

    /// Required in Production (RevocationOptionsValidator stops the start otherwise).
    public RevocationMode Revocation { get; set; } = RevocationMode.Off;

    /// Per source (OCSP, then CRL): a person waits at most twice this for the answer.
    public TimeSpan RevocationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public RevocationUnreachable RevocationUnreachable { get; set; } = RevocationUnreachable.Refuse;

    /// An answer is kept per certificate serial until its nextUpdate, but never longer than this
    /// (a revocation published early reaches the portal within this time).
    public TimeSpan RevocationCacheMax { get; set; } = TimeSpan.FromHours(1);

    /// How long an answer without nextUpdate (OCSP responders often give none) is kept.
    public TimeSpan RevocationCacheWithoutNextUpdate { get; set; } = TimeSpan.FromMinutes(1);

    /// A prepared signed request ("Подписать и отправить") is accepted this many minutes after
    /// the page made it; later the person opens the page again (issue 11: requests expire).
    public int SignedRequestMinutes { get; set; } = 15;
}
