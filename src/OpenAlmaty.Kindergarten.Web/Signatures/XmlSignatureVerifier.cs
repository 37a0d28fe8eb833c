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
/// the phone sends it and again when the browser signs in with it (issue 14: within 20% of
/// NCALayer). A document seen verified in the last minutes, keyed by the SHA-256 of its text,
/// skips parsing and the signature check; the certificate's checks (validity at this moment, key
/// usage for this purpose, revocation) always run again.
public sealed class XmlSignatureVerifier(CertificateValidator certificates, ILogger<XmlSignatureVerifier> logger) : IXmlSignatureVerifier
{
    private static readonly MemoryCache Verified = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private static readonly TimeSpan VerifiedLife = TimeSpan.FromMinutes(10);

    public async Task<VerifiedXml> VerifyAsync(string signedXml, KeyPurpose purpose, DateTimeOffset at, CancellationToken ct = default)
    {
        var algorithm = "unknown";
        try
        {
            XmlPreScan.Check(signedXml, expectedRoot: null);
            var id = Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(signedXml)));
            var remembered = Verified.Get(id) as XmlDsigMath.Result;
            var result = remembered ?? VerifyMath(signedXml, purpose, at);
            algorithm = result.Profile.AlgorithmName;
            var signer = await certificates.CompleteAsync(certificates.Check(result.Profile.Certificate, purpose, at), algorithm, ct);
            // Kept from the first verification on: a repeat does not extend the ten minutes.
            if (remembered is null) Verified.Set(id, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = VerifiedLife });
            logger.LogInformation("ЭЦП XML verified: {Algorithm}, IIN {Iin}, revocation {Revocation}",
                signer.Algorithm, Domain.People.Iin.Mask(signer.Iin), signer.RevocationCheck);
            PortalMetrics.SignatureVerified(algorithm, "accepted");
            return new VerifiedXml(signer, result.ContentWithoutSignature);
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
    private XmlDsigMath.Result VerifyMath(string signedXml, KeyPurpose purpose, DateTimeOffset at)
    {
        var document = XmlDsigMath.Parse(signedXml);
        var signatures = XmlDsigMath.Signatures(document);
        if (signatures.Count == 0) throw SignatureRejections.NoSignature();
        if (signatures.Count > 1) throw SignatureRejections.SeveralSignatures(signatures.Count);
        var signature = signatures[0];
        var lastElement = document.DocumentElement!.ChildNodes.OfType<System.Xml.XmlElement>().LastOrDefault();
        if (!ReferenceEquals(signature, lastElement)) throw SignatureRejections.SignaturePosition();

        // The certificate's cheap checks before the canonicalisation and the mathematics.
        return XmlDsigMath.Verify(document, 0, profile => certificates.Check(profile.Certificate, purpose, at));
    }
}
