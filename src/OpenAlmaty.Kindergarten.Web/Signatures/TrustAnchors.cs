using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Security;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The pinned CA certificates from <see cref="EdsOptions.TrustAnchors"/>. NCA RK issues people's
/// certificates straight from its intermediates (ҰКО 3.0 RSA/GOST), so those are what is pinned
/// and a certificate is trusted when one of them signed it. X509Chain is not used: it reports a
/// pinned intermediate as a partial chain and cannot check GOST signatures at all.
public sealed class TrustAnchors
{
    private readonly IReadOnlyList<X509Certificate2> anchors;

    public TrustAnchors(IOptions<EdsOptions> options)
        : this(options.Value.TrustAnchors.Select(LoadFile).ToList())
    {
    }

    internal TrustAnchors(IReadOnlyList<X509Certificate2> anchors) => this.anchors = anchors;

    public IReadOnlyList<X509Certificate2> Certificates => anchors;

    /// The pinned certificate that issued <paramref name="certificate"/>, its signature checked.
    public X509Certificate2? IssuerOf(X509Certificate2 certificate) =>
        anchors.FirstOrDefault(anchor => anchor.SubjectName.Name == certificate.IssuerName.Name && IsSignedBy(certificate, anchor));

    internal static bool IsSignedBy(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var parsed = new BcCertificate(certificate.RawData);
        return IsSignedBy(issuer, parsed.SigAlgOid, parsed.GetTbsCertificate(), parsed.GetSignature());
    }

    /// A signature by <paramref name="signer"/>'s key over a certificate's, CRL's or OCSP
    /// response's to-be-signed bytes: GOST-2015 here, everything else through BouncyCastle.
    internal static bool IsSignedBy(X509Certificate2 signer, string algorithmOid, byte[] tbs, byte[] signature)
    {
        try
        {
            if (algorithmOid == Gost2015.SignatureOid) return Gost2015.VerifySigned(signer, tbs, signature);
            var verifier = SignerUtilities.GetSigner(algorithmOid);
            verifier.Init(false, new BcCertificate(signer.RawData).GetPublicKey());
            verifier.BlockUpdate(tbs, 0, tbs.Length);
            return verifier.VerifySignature(signature);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An unknown algorithm or a key of another kind: not signed by this key.
            return false;
        }
    }

    private static X509Certificate2 LoadFile(string path)
    {
        var full = Path.GetFullPath(path, AppContext.BaseDirectory);
        var bytes = File.ReadAllBytes(File.Exists(full) ? full : path);
        return X509CertificateLoader.LoadCertificate(bytes);
    }
}
