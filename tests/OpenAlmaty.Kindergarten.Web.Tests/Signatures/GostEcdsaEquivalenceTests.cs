using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Cms;
using OpenAlmaty.Kindergarten.Web.Signatures;
using static OpenAlmaty.Kindergarten.Web.Tests.Signatures.GostTestKeys;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using BcInteger = Org.BouncyCastle.Math.BigInteger;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// The portal's GOST check (GostVerification.Verify: OpenSSL's point arithmetic) and the ECDSA form
/// (GostVerification.VerifyEcdsa) agree with BouncyCastle's GOST signer on every tc26 curve: 1,000 random signatures per curve made by BouncyCastle's GOST 34.10-2012
/// signer, each checked as made and once tampered, and the real NCA GOST-2015 signatures.
public sealed class GostEcdsaEquivalenceTests
{
    private const int CasesPerCurve = 1000;
    private const int CasesPerKey = 20;

    public static TheoryData<string> Curves() => [.. GostCurve.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Curves))]
    public void RandomSignatures_ValidAndTampered_OpenSslAndEcdsaFormAgreeWithBouncyCastle(string name)
    {
        var curve = GostCurve.All.Single(c => c.Name == name);
        var outcomes = new (bool Bc, bool Ecdsa, bool OpenSsl, bool TamperedBc, bool TamperedEcdsa, bool TamperedOpenSsl)[CasesPerCurve];
        // Keys made serially (one random source), signatures checked on both cores.
        var keys = Enumerable.Range(0, CasesPerCurve / CasesPerKey).Select(_ => NewKey(curve)).ToArray();
        using var ecdsaKeys = new DisposableKeys(keys.Select(k => GostReferenceChecks.CreateKey(curve, Encode(curve, k.Public))!));
        Parallel.For(0, CasesPerCurve, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var key = keys[i / CasesPerKey];
            var ecdsa = ecdsaKeys[i / CasesPerKey];
            var publicKey = Encode(curve, key.Public);
            var hash = RandomNumberGenerator.GetBytes(curve.FieldBytes);
            var signature = Sign(curve, key, hash);
            var (other, tamperedHash, tamperedSignature) = Tamper(curve, i, hash, signature);
            var tamperedIndex = (i / CasesPerKey + other) % keys.Length;
            var tamperedKey = Encode(curve, keys[tamperedIndex].Public);
            var tamperedEcdsa = ecdsaKeys[tamperedIndex];
            outcomes[i] = (
                GostReferenceChecks.VerifyBouncyCastle(curve, publicKey, hash, signature),
                GostReferenceChecks.VerifyEcdsa(curve, ecdsa, hash, signature),
                GostVerification.Verify(curve, publicKey, hash, signature),
                GostReferenceChecks.VerifyBouncyCastle(curve, tamperedKey, tamperedHash, tamperedSignature),
                GostReferenceChecks.VerifyEcdsa(curve, tamperedEcdsa, tamperedHash, tamperedSignature),
                GostVerification.Verify(curve, tamperedKey, tamperedHash, tamperedSignature));
        });

        Assert.All(outcomes, o => Assert.True(o.Bc && o.Ecdsa && o.OpenSsl, "a valid signature was refused"));
        Assert.All(outcomes, o => Assert.False(o.TamperedBc || o.TamperedEcdsa || o.TamperedOpenSsl, "a tampered signature was accepted"));
    }

    [Fact]
    public void NcaXmlVector_GostSignature_EveryWayAcceptsAndRefusesItTampered()
    {
        var document = XmlDsigMath.Parse(EdsVectors.TwoSignersXml);
        var profile = XmlDsigProfile.Read(XmlDsigMath.Signatures(document)[1]);
        var hash = Gost2015.Hash(XmlDsigMath.CanonicalSignedInfo(profile.SignedInfo));

        AssertEveryWay(PublicKeyOf(profile.Certificate.RawData), hash, profile.SignatureValue);
    }

    [Fact]
    public void NcaCmsVectors_GostSigner_EveryWayAcceptsAndRefusesItTampered()
    {
        foreach (var (file, content) in new[] { ("signed/SIGNED_CMS.p7s", (byte[]?)null), ("signed/SIGNED_DETACHED_CMS.p7s", "test123"u8.ToArray()) })
        {
            var der = EdsVectors.Bytes(file);
            var data = content is null ? new CmsSignedData(der) : new CmsSignedData(new CmsProcessableByteArray(content), der);
            var signer = data.GetSignerInfos().GetSigners().Single(s => s.SignatureAlgorithm.Algorithm.Id == Gost2015.SignatureOid);
            var certificate = data.GetCertificates().EnumerateMatches(signer.SignerID).Single();

            AssertEveryWay(PublicKeyOf(certificate.GetEncoded()), Gost2015.Hash(signer.GetEncodedSignedAttributes()), signer.GetSignature());
        }
    }

    [Fact]
    public void NcaCertificateVector_IssuerSignature_EveryWayAcceptsAndRefusesItTampered()
    {
        var data = new CmsSignedData(EdsVectors.Bytes("signed/SIGNED_CMS.p7s"));
        var gost = data.GetCertificates().EnumerateMatches(null).Single(c => c.SigAlgOid == Gost2015.SignatureOid);
        var ca = EdsVectors.Certificate("ca/nca_gost2015_test.cer");

        AssertEveryWay(PublicKeyOf(ca.RawData), Gost2015.Hash(gost.GetTbsCertificate()), gost.GetSignature());
    }

    private static void AssertEveryWay(byte[] publicKey, byte[] hash, byte[] signature)
    {
        var curve = GostCurve.Tc26_512A;
        using var ecdsa = GostReferenceChecks.CreateKey(curve, publicKey)!;
        Assert.True(GostReferenceChecks.VerifyBouncyCastle(curve, publicKey, hash, signature));
        Assert.True(GostReferenceChecks.VerifyEcdsa(curve, ecdsa, hash, signature));
        Assert.True(GostVerification.Verify(curve, publicKey, hash, signature));
        hash[5] ^= 0x10;
        Assert.False(GostReferenceChecks.VerifyBouncyCastle(curve, publicKey, hash, signature));
        Assert.False(GostReferenceChecks.VerifyEcdsa(curve, ecdsa, hash, signature));
        Assert.False(GostVerification.Verify(curve, publicKey, hash, signature));
    }

    private static byte[] PublicKeyOf(byte[] certificate) =>
        Asn1OctetString.GetInstance(new BcCertificate(certificate).CertificateStructure.SubjectPublicKeyInfo.PublicKey.GetOctets()).GetOctets();

    // Seven ways to spoil a signature, taken in turn; OtherKey 1 checks it with the next key.
    private static (int OtherKey, byte[] Hash, byte[] Signature) Tamper(GostCurve curve, int i, byte[] hash, byte[] signature)
    {
        var half = curve.FieldBytes;
        var h = (byte[])hash.Clone();
        var s = (byte[])signature.Clone();
        var bit = (byte)(1 << (i % 8));
        switch (i % 7)
        {
            case 0: h[i % h.Length] ^= bit; break;
            case 1: s[i % half] ^= bit; break;
            case 2: s[half + i % half] ^= bit; break;
            case 3: s = [.. signature.AsSpan(half), .. signature.AsSpan(0, half)]; break;
            case 4: return (1, h, s);
            case 5: Array.Clear(s, 0, half); break;
            default: LittleEndian(new BcInteger(1, Reversed(s.AsSpan(half))).Add(curve.Domain.N), half).CopyTo(s, half); break;
        }
        return (0, h, s);
    }

    private static byte[] Reversed(ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Array.Reverse(copy);
        return copy;
    }

    private sealed class DisposableKeys(IEnumerable<ECDsa> keys) : IDisposable
    {
        private readonly ECDsa[] keys = [.. keys];

        public ECDsa this[int index] => keys[index];

        public void Dispose()
        {
            foreach (var key in keys) key.Dispose();
        }
    }
}
