using System.Security.Cryptography;
using OpenAlmaty.Kindergarten.Web.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Verifies an enveloped XMLDSig from NCALayer: exactly one signature, the last child of the
/// root, of the NCALayer shape; then the signer's certificate for the purpose. The cheap checks
/// come first, so that a hostile document costs little: its size and shape (<see cref="XmlPreScan"/>),
/// the signature's form, the certificate's chain, validity and key usage; only then the
/// canonicalisation and the signature mathematics; the revocation look-up (network) last.
public sealed class XmlSignatureVerifier(CertificateValidator certificates, ILogger<XmlSignatureVerifier> logger) : IXmlSignatureVerifier
{
    public async Task<VerifiedXml> VerifyAsync(string signedXml, KeyPurpose purpose, DateTimeOffset at, CancellationToken ct = default)
    {
        var algorithm = "unknown";
        try
        {
            XmlPreScan.Check(signedXml, expectedRoot: null);
            var document = XmlDsigMath.Parse(signedXml);
            var signatures = XmlDsigMath.Signatures(document);
            if (signatures.Count == 0) throw SignatureRejections.NoSignature();
            if (signatures.Count > 1) throw SignatureRejections.SeveralSignatures(signatures.Count);
            var signature = signatures[0];
            var lastElement = document.DocumentElement!.ChildNodes.OfType<System.Xml.XmlElement>().LastOrDefault();
            if (!ReferenceEquals(signature, lastElement)) throw SignatureRejections.SignaturePosition();

            var profile = XmlDsigProfile.Read(signature);
            var checkedCertificate = certificates.Check(profile.Certificate, purpose, at);
            var result = XmlDsigMath.Verify(document, 0);
            algorithm = result.Profile.AlgorithmName;
            var signer = await certificates.CompleteAsync(checkedCertificate, algorithm, ct);
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
}
