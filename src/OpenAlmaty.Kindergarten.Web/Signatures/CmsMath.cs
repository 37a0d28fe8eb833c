using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Cms;
using BcSignerInformation = Org.BouncyCastle.Cms.SignerInformation;
using NetSignerInfo = System.Security.Cryptography.Pkcs.SignerInfo;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The signature mathematics of CMS (attached or detached), without the certificate checks:
/// RSA signers through SignedCms, GOST-2015 signers through BouncyCastle's parse and
/// <see cref="Gost2015"/>.
internal static class CmsMath
{
    public sealed record Signer(X509Certificate2 Certificate, string Algorithm);

    public sealed record Result(IReadOnlyList<Signer> Signers, byte[] Content);

    private const string Sha256 = "2.16.840.1.101.3.4.2.1";
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string Sha256WithRsa = "1.2.840.113549.1.1.11";
    private const string Gost2004Prefix = "1.2.398.3.10.1.1.1.";
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";

    public static Result Verify(byte[] der, byte[]? detachedContent)
    {
        var cms = Decode(der, detachedContent);
        if (cms.SignerInfos.Count == 0) throw SignatureRejections.NoSignature();
        var content = cms.ContentInfo.Content;
        IList<BcSignerInformation>? bcSigners = null;
        var signers = new List<Signer>();
        for (var i = 0; i < cms.SignerInfos.Count; i++)
        {
            var info = cms.SignerInfos[i];
            var certificate = info.Certificate ?? throw SignatureRejections.CertificateMissing();
            var algorithm = info.SignatureAlgorithm.Value ?? "";
            if (algorithm == Gost2015.SignatureOid && info.DigestAlgorithm.Value == Gost2015.DigestOid)
            {
                bcSigners ??= BouncyCastleSigners(der, detachedContent);
                VerifyGost(bcSigners[i], certificate, content);
                signers.Add(new Signer(certificate, Gost2015.Name));
            }
            else if (algorithm is RsaEncryption or Sha256WithRsa && info.DigestAlgorithm.Value == Sha256)
            {
                VerifyRsa(info, content);
                signers.Add(new Signer(certificate, "RSA-SHA256"));
            }
            else
            {
                throw algorithm.StartsWith(Gost2004Prefix, StringComparison.Ordinal)
                    ? SignatureRejections.Gost2004()
                    : SignatureRejections.UnknownAlgorithm(algorithm);
            }
        }
        return new Result(signers, content);
    }

    private static SignedCms Decode(byte[] der, byte[]? detachedContent)
    {
        try
        {
            var cms = detachedContent is null ? new SignedCms() : new SignedCms(new ContentInfo(detachedContent), detached: true);
            cms.Decode(der);
            // SignedCms does not tell a detached signature from empty content after Decode.
            if (detachedContent is null && cms.ContentInfo.Content.Length == 0) throw SignatureRejections.CmsNoContent();
            return cms;
        }
        catch (CryptographicException)
        {
            throw SignatureRejections.CmsMalformed();
        }
    }

    private static void VerifyRsa(NetSignerInfo info, byte[] content)
    {
        var digest = info.SignedAttributes.Cast<CryptographicAttributeObject>()
            .FirstOrDefault(a => a.Oid.Value == MessageDigestOid)?.Values[0] is { } value
            ? Asn1OctetString.GetInstance(value.RawData).GetOctets()
            : null;
        if (digest is not null && !CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(content)))
            throw SignatureRejections.ContentChanged();
        try
        {
            info.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            throw SignatureRejections.Invalid();
        }
    }

    // With signed attributes the signature covers the DER of the attribute SET, and the
    // messageDigest attribute carries Streebog(content); without them it covers the content.
    private static void VerifyGost(BcSignerInformation info, X509Certificate2 certificate, byte[] content)
    {
        var attributes = info.SignedAttributes;
        if (attributes is null)
        {
            if (!Gost2015.Verify(certificate, content, info.GetSignature())) throw SignatureRejections.Invalid();
            return;
        }
        var messageDigest = attributes[Org.BouncyCastle.Asn1.Cms.CmsAttributes.MessageDigest]?.AttrValues[0];
        if (messageDigest is null) throw SignatureRejections.Invalid();
        var digest = Asn1OctetString.GetInstance(messageDigest).GetOctets();
        if (!CryptographicOperations.FixedTimeEquals(digest, Gost2015.Hash(content))) throw SignatureRejections.ContentChanged();
        if (!Gost2015.Verify(certificate, info.GetEncodedSignedAttributes(), info.GetSignature())) throw SignatureRejections.Invalid();
    }

    private static IList<BcSignerInformation> BouncyCastleSigners(byte[] der, byte[]? detachedContent)
    {
        try
        {
            var data = detachedContent is null ? new CmsSignedData(der) : new CmsSignedData(new CmsProcessableByteArray(detachedContent), der);
            return data.GetSignerInfos().GetSigners().ToList();
        }
        catch (CmsException)
        {
            throw SignatureRejections.CmsMalformed();
        }
    }
}
