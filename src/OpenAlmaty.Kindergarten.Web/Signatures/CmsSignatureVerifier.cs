using System.Text;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// A verified CMS: every signer (all must pass) and the signed content.
public sealed record VerifiedCms(IReadOnlyList<SignerInfo> Signers, byte[] Content);

/// Verifies CMS from NCALayer (DER, or PEM as the basics module returns it), attached or
/// detached, and every signer's certificate for the purpose.
public sealed class CmsSignatureVerifier(CertificateValidator certificates, ILogger<CmsSignatureVerifier> logger)
{
    public VerifiedCms Verify(byte[] cms, byte[]? detachedContent, KeyPurpose purpose, DateTimeOffset at)
    {
        try
        {
            var result = CmsMath.Verify(Der(cms), detachedContent);
            var signers = result.Signers.Select(s => certificates.Validate(s.Certificate, s.Algorithm, purpose, at)).ToList();
            logger.LogInformation("ЭЦП CMS verified: {Count} signer(s), {Algorithms}",
                signers.Count, string.Join(", ", signers.Select(s => s.Algorithm)));
            return new VerifiedCms(signers, result.Content);
        }
        catch (SignatureRejectedException rejection)
        {
            logger.LogWarning("ЭЦП CMS rejected ({Purpose}): {Code} {Reason}", purpose, rejection.Code, rejection.Reason.Ru);
            throw;
        }
    }

    // DER starts with a SEQUENCE tag (0x30); otherwise the text is PEM or bare base64.
    internal static byte[] Der(byte[] cms)
    {
        if (cms.Length > 0 && cms[0] == 0x30) return cms;
        var text = Encoding.ASCII.GetString(cms);
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal));
        try
        {
            return Convert.FromBase64String(string.Concat(lines));
        }
        catch (FormatException)
        {
            throw SignatureRejections.CmsMalformed();
        }
    }
}
