using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The pinned CA certificates from <see cref="EdsOptions.TrustAnchors"/>. NCA RK issues people's
/// certificates straight from its intermediates (ҰКО 3.0 RSA/GOST), so those are what is pinned
/// and a certificate is trusted when one of them signed it. X509Chain is not used: it reports a
/// pinned intermediate as a partial chain and cannot check GOST signatures at all.
public sealed class TrustAnchors
{
    // A certificate's bytes never change, so which anchor signed them is checked once: a parent's
    // sign-in and their presses minutes later cost one signature check, not two (issue 14's
    // "signer seen before"). Keyed by the SHA-256 of the whole certificate; only a good link is kept.
    private const long LinkCacheSize = 50_000;
    private static readonly TimeSpan LinkLife = TimeSpan.FromMinutes(30);
    private readonly MemoryCache links = new(new MemoryCacheOptions { SizeLimit = LinkCacheSize });
    private readonly IReadOnlyList<X509Certificate2> anchors;

    public TrustAnchors(IOptions<EdsOptions> options)
        : this(options.Value.TrustAnchors.Select(LoadFile).ToList())
    {
    }

    internal TrustAnchors(IReadOnlyList<X509Certificate2> anchors)
    {
        this.anchors = anchors;
    }

    public IReadOnlyList<X509Certificate2> Certificates => anchors;

    /// The pinned certificate that issued <paramref name="certificate"/>, its signature checked
    /// (once per certificate: the good link is remembered for half an hour after its last use).
    public X509Certificate2? IssuerOf(X509Certificate2 certificate)
    {
        var id = Convert.ToBase64String(SHA256.HashData(certificate.RawData));
        if (links.Get(id) is X509Certificate2 known) return known;
        var issuer = anchors.FirstOrDefault(anchor => anchor.SubjectName.Name == certificate.IssuerName.Name && IsSignedBy(certificate, anchor));
        if (issuer is not null) links.Set(id, issuer, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = LinkLife });
        return issuer;
    }

    internal static bool IsSignedBy(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var parsed = new BcCertificate(certificate.RawData);
        return IsSignedBy(issuer, parsed.SigAlgOid, parsed.GetTbsCertificate(), parsed.GetSignature());
    }

    /// A signature by <paramref name="signer"/>'s key over a certificate's, CRL's or OCSP
    /// response's to-be-signed bytes: GOST-2015 here, RSA and ECDSA through .NET (OpenSSL).
    /// BouncyCastle is not used for RSA: its key import tests the 4096-bit CA modulus for
    /// primality, about 40 ms of CPU per call.
    internal static bool IsSignedBy(X509Certificate2 signer, string algorithmOid, byte[] tbs, byte[] signature)
    {
        try
        {
            if (algorithmOid is Gost2015.SignatureOid or Gost2015.Signature256Oid) return Gost2015.VerifySigned(signer, tbs, signature);
            if (RsaHashes.TryGetValue(algorithmOid, out var rsaHash)) return IssuerKeys.VerifyRsa(signer, tbs, signature, rsaHash);
            if (EcdsaHashes.TryGetValue(algorithmOid, out var ecdsaHash))
            {
                using var ecdsa = signer.GetECDsaPublicKey();
                return ecdsa is not null && ecdsa.VerifyData(tbs, signature, ecdsaHash, DSASignatureFormat.Rfc3279DerSequence);
            }
            return false;
        }
        catch (CryptographicException)
        {
            // A key of another kind: not signed by this key.
            return false;
        }
    }

    /// The RSA keys of the few certificates that sign others (the pinned anchors, a CRL's or an
    /// OCSP responder's): OpenSSL 3.0 takes about 0.4 ms of CPU to import a public key and 0.03 ms
    /// to check a signature with it, and every first-time signer's certificate is checked against
    /// the same anchor. Kept by the SHA-256 of the certificate, for at most 64 certificates. A .NET
    /// key object's members are not promised to be thread-safe, so each check borrows a key object
    /// of its own from the certificate's pool (as many as ever ran at once), never waiting for one.
    private static class IssuerKeys
    {
        private const int Most = 64;
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentBag<RSA>> Pools = new();

        public static bool VerifyRsa(X509Certificate2 signer, byte[] tbs, byte[] signature, HashAlgorithmName hash)
        {
            var id = Convert.ToBase64String(SHA256.HashData(signer.RawData));
            var pool = Pools.TryGetValue(id, out var known) ? known
                : Pools.Count < Most ? Pools.GetOrAdd(id, _ => []) : null;
            if (pool is null || !pool.TryTake(out var rsa)) rsa = signer.GetRSAPublicKey();
            if (rsa is null) return false;
            try
            {
                return rsa.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1);
            }
            finally
            {
                if (pool is null) rsa.Dispose();
                else pool.Add(rsa);
            }
        }
    }

    private static readonly Dictionary<string, HashAlgorithmName> RsaHashes = new()
    {
        ["1.2.840.113549.1.1.11"] = HashAlgorithmName.SHA256,
        ["1.2.840.113549.1.1.12"] = HashAlgorithmName.SHA384,
        ["1.2.840.113549.1.1.13"] = HashAlgorithmName.SHA512,
    };

    private static readonly Dictionary<string, HashAlgorithmName> EcdsaHashes = new()
    {
        ["1.2.840.10045.4.3.2"] = HashAlgorithmName.SHA256,
        ["1.2.840.10045.4.3.3"] = HashAlgorithmName.SHA384,
        ["1.2.840.10045.4.3.4"] = HashAlgorithmName.SHA512,
    };

    private static X509Certificate2 LoadFile(string path)
    {
        var full = Path.GetFullPath(path, AppContext.BaseDirectory);
        var bytes = File.ReadAllBytes(File.Exists(full) ? full : path);
        return X509CertificateLoader.LoadCertificate(bytes);
    }
}
