using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using OpenAlmaty.Kindergarten.Web.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Verifies an enveloped XMLDSig from NCALayer: exactly one signature, the last child of the
/// root, of the NCALayer shape; then the signer's certificate for the purpose. The cheap checks
/// come first, so that a hostile document costs little: its size and shape (<see cref="XmlPreScan"/>),
/// the signature's form, the certificate's chain, validity and key usage; only then the
/// canonicalisation and the signature mathematics; the revocation look-up (network) last.
/// The mathematics of the very same bytes is done once: eGov Mobile's signed XML is checked when
/// the phone sends it and again at the sign-in or the action (issue 14: within 20% of NCALayer).
/// A document verified with `remember` in the last two minutes, keyed by the SHA-256 of its text,
/// skips parsing and the signature check; the certificate's checks (validity at this moment, key
/// usage for this purpose, revocation) always run again. Only what the repeat needs is kept (the
/// certificate, the algorithm, the content), and only for the documents that will come back: a
/// store of every document verified (ten minutes, 10,000 at most) filled up on the bench within
/// minutes, and the cache then spent its time trying to make room.
public sealed class XmlSignatureVerifier(CertificateValidator certificates, ILogger<XmlSignatureVerifier> logger) : IXmlSignatureVerifier
{
    private sealed record Remembered(System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate, string Algorithm, string Content);

    private static readonly MemoryCache Verified = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private static readonly TimeSpan VerifiedLife = TimeSpan.FromMinutes(2);

    public async Task<VerifiedXml> VerifyAsync(string signedXml, KeyPurpose purpose, DateTimeOffset at, CancellationToken ct = default,
        bool remember = false)
    {
        var algorithm = "unknown";
        try
        {
            XmlPreScan.Check(signedXml, expectedRoot: null);
            var id = Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(signedXml)));
            var remembered = Verified.Get(id) as Remembered;
            CertificateValidator.Checked? checkedFirst = null;
            var result = remembered ?? VerifyMath(signedXml, purpose, at, out checkedFirst);
            algorithm = result.Algorithm;
            // A remembered document's certificate is checked now; a new one's was, before its mathematics.
            var signer = await certificates.CompleteAsync(checkedFirst ?? certificates.Check(result.Certificate, purpose, at), algorithm, ct);
            // Kept from the first verification on: a repeat does not extend the two minutes.
            if (remembered is null && remember) Verified.Set(id, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = VerifiedLife });
            // A remembered document's repeat is at Debug: its verification was logged a moment ago.
            logger.Log(remembered is null ? LogLevel.Information : LogLevel.Debug, "ЭЦП XML verified: {Algorithm}, IIN {Iin}, revocation {Revocation}",
                signer.Algorithm, Domain.People.Iin.Mask(signer.Iin), signer.RevocationCheck);
            PortalMetrics.SignatureVerified(algorithm, "accepted");
            return new VerifiedXml(signer, result.Content);
        }
        catch (SignatureRejectedException rejection)
        {
            logger.LogWarning("ЭЦП XML rejected ({Purpose}): {Code} {Reason}", purpose, rejection.Code, rejection.Reason.Ru);
            PortalMetrics.SignatureVerified(algorithm, rejection.Code);
            throw;
        }
        catch (CryptographicException e)
        {
            // .NET's XML transforms throw on shapes the pre-scan let through: a refusal, not a 500.
            logger.LogWarning(e, "ЭЦП XML rejected ({Purpose}): malformed for the XML transforms", purpose);
            throw SignatureRejections.Malformed();
        }
    }

    /// The document's shape, the certificate's cheap checks, then the canonicalisation and the
    /// signature mathematics.
    private Remembered VerifyMath(string signedXml, KeyPurpose purpose, DateTimeOffset at, out CertificateValidator.Checked? checkedFirst)
    {
        var document = XmlDsigMath.Parse(signedXml);
        var signatures = XmlDsigMath.Signatures(document);
        if (signatures.Count == 0) throw SignatureRejections.NoSignature();
        if (signatures.Count > 1) throw SignatureRejections.SeveralSignatures(signatures.Count);
        var signature = signatures[0];
        var lastElement = document.DocumentElement!.ChildNodes.OfType<System.Xml.XmlElement>().LastOrDefault();
        if (!ReferenceEquals(signature, lastElement)) throw SignatureRejections.SignaturePosition();

        // The certificate's cheap checks before the canonicalisation and the mathematics.
        CertificateValidator.Checked? checkedHere = null;
        var result = XmlDsigMath.Verify(document, 0, profile => checkedHere = certificates.Check(profile.Certificate, purpose, at));
        checkedFirst = checkedHere;
        return new Remembered(result.Profile.Certificate, result.Profile.AlgorithmName, result.ContentWithoutSignature);
    }
}
