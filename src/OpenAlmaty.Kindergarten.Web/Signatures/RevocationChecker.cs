using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// What a revocation source said about one certificate; null from a source means no answer.
public enum RevocationStatus { Good, Revoked, Unknown }

public interface IRevocationChecker
{
    /// Returns what was checked and found (kept in <see cref="SignerInfo.RevocationCheck"/>), or
    /// throws <see cref="SignatureRejectedException"/> when revoked or when no source answered.
    string Check(X509Certificate2 certificate, X509Certificate2 issuer, DateTimeOffset at);
}

/// A revocation source: OCSP (<see cref="OcspClient"/>) or a CRL (<see cref="CrlClient"/>).
public interface IRevocationSource
{
    string Name { get; }

    /// Null when the source could not be reached or gave no usable answer.
    RevocationStatus? Ask(X509Certificate2 certificate, X509Certificate2 issuer);
}

/// The decision: Off records that nothing was checked; Ocsp trusts only OCSP; OcspThenCrl
/// falls back to the CRL when OCSP does not give a definite answer.
public sealed class RevocationChecker : IRevocationChecker
{
    private readonly IOptions<EdsOptions> options;
    private readonly IRevocationSource ocsp;
    private readonly IRevocationSource crl;

    public RevocationChecker(IOptions<EdsOptions> options, OcspClient ocsp, CrlClient crl)
        : this(options, (IRevocationSource)ocsp, crl)
    {
    }

    internal RevocationChecker(IOptions<EdsOptions> options, IRevocationSource ocsp, IRevocationSource crl)
    {
        this.options = options;
        this.ocsp = ocsp;
        this.crl = crl;
    }

    public string Check(X509Certificate2 certificate, X509Certificate2 issuer, DateTimeOffset at) =>
        Decide(options.Value.Revocation, ocsp, crl, certificate, issuer);

    // The sources answer about now; "at" matters only for the chain and validity checks.
    internal static string Decide(RevocationMode mode, IRevocationSource ocsp, IRevocationSource crl,
        X509Certificate2 certificate, X509Certificate2 issuer)
    {
        if (mode == RevocationMode.Off) return "off: not checked";
        var sources = mode == RevocationMode.OcspThenCrl ? new[] { ocsp, crl } : [ocsp];
        foreach (var source in sources)
        {
            switch (source.Ask(certificate, issuer))
            {
                case RevocationStatus.Good:
                    return $"{source.Name}: good";
                case RevocationStatus.Revoked:
                    throw SignatureRejections.Revoked();
            }
        }
        throw SignatureRejections.RevocationUnavailable();
    }
}
