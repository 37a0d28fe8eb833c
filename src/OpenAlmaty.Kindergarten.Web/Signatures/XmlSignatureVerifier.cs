using OpenAlmaty.Kindergarten.Web.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Verifies an enveloped XMLDSig from NCALayer: exactly one signature, the last child of the
/// root, of the NCALayer shape; then the signer's certificate for the purpose.
public sealed class XmlSignatureVerifier(CertificateValidator certificates, ILogger<XmlSignatureVerifier> logger) : IXmlSignatureVerifier
{
    public async Task<VerifiedXml> VerifyAsync(string signedXml, KeyPurpose purpose, DateTimeOffset at, CancellationToken ct = default)
    {
        var algorithm = "unknown";
        try
        {
            var document = XmlDsigMath.Parse(signedXml);
            var signatures = XmlDsigMath.Signatures(document);
            if (signatures.Count == 0) throw SignatureRejections.NoSignature();
            if (signatures.Count > 1) throw SignatureRejections.SeveralSignatures(signatures.Count);
            var signature = signatures[0];
            var lastElement = document.DocumentElement!.ChildNodes.OfType<System.Xml.XmlElement>().LastOrDefault();
            if (!ReferenceEquals(signature, lastElement)) throw SignatureRejections.SignaturePosition();

            var result = XmlDsigMath.Verify(document, 0);
            algorithm = result.Profile.AlgorithmName;
            var signer = await certificates.ValidateAsync(result.Profile.Certificate, algorithm, purpose, at, ct);
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
    }
}
