using System.Text;
using OpenAlmaty.Kindergarten.Web.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// A verified CMS: every signer (all must pass) and the signed content.
public sealed record VerifiedCms(IReadOnlyList<SignerInfo> Signers, byte[] Content);

/// Verifies CMS from NCALayer (DER, or PEM as the basics module returns it), attached or
/// detached, and every signer's certificate for the purpose.
public sealed class CmsSignatureVerifier(CertificateValidator certificates, ILogger<CmsSignatureVerifier> logger)
{
    public async Task<VerifiedCms> VerifyAsync(byte[] cms, byte[]? detachedContent, KeyPurpose purpose, DateTimeOffset at,
        CancellationToken ct = default)
    {
        var algorithm = "unknown";
        try
        {
            var result = CmsMath.Verify(Der(cms), detachedContent);
            var signers = new List<SignerInfo>();
            foreach (var s in result.Signers)
            {
                algorithm = s.Algorithm;
                signers.Add(await certificates.ValidateAsync(s.Certificate, s.Algorithm, purpose, at, ct));
            }
            foreach (var s in signers) PortalMetrics.SignatureVerified(s.Algorithm, "accepted");
            logger.LogInformation("ЭЦП CMS verified: {Count} signer(s), {Algorithms}",
                signers.Count, string.Join(", ", signers.Select(s => s.Algorithm)));
            return new VerifiedCms(signers, result.Content);
        }
        catch (SignatureRejectedException rejection)
        {
            logger.LogWarning("ЭЦП CMS rejected ({Purpose}): {Code} {Reason}", purpose, rejection.Code, rejection.Reason.Ru);
            PortalMetrics.SignatureVerified(algorithm, rejection.Code);
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
