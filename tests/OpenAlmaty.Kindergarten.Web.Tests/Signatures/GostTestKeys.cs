using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using OpenAlmaty.Kindergarten.Web.Signatures;
using BcInteger = Org.BouncyCastle.Math.BigInteger;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// GOST 34.10-2012 keys and signatures made by BouncyCastle's signer, in NCA's encoding
/// (X‖Y and r‖s, each half little-endian).
internal static class GostTestKeys
{
    public static AsymmetricCipherKeyPair NewKey(GostCurve curve)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(curve.Domain, new SecureRandom()));
        return generator.GenerateKeyPair();
    }

    public static byte[] Sign(GostCurve curve, AsymmetricCipherKeyPair key, byte[] hash)
    {
        var signer = new ECGost3410Signer();
        signer.Init(true, new ParametersWithRandom(key.Private, new SecureRandom()));
        var rs = signer.GenerateSignature(hash);
        return [.. LittleEndian(rs[0], curve.FieldBytes), .. LittleEndian(rs[1], curve.FieldBytes)];
    }

    /// A new key's X‖Y, a random digest and the key's signature over it.
    public static (byte[] PublicKey, byte[] Hash, byte[] Signature) SignedRandomDigest(GostCurve curve)
    {
        var key = NewKey(curve);
        var hash = System.Security.Cryptography.RandomNumberGenerator.GetBytes(curve.FieldBytes);
        return (Encode(curve, key.Public), hash, Sign(curve, key, hash));
    }

    public static byte[] Encode(GostCurve curve, AsymmetricKeyParameter key)
    {
        var q = ((ECPublicKeyParameters)key).Q.Normalize();
        return [.. LittleEndian(q.AffineXCoord.ToBigInteger(), curve.FieldBytes), .. LittleEndian(q.AffineYCoord.ToBigInteger(), curve.FieldBytes)];
    }

    /// The low <paramref name="length"/> bytes of the value, little-endian.
    public static byte[] LittleEndian(BcInteger value, int length)
    {
        var bytes = value.ToByteArrayUnsigned();
        var padded = new byte[Math.Max(length, bytes.Length)];
        bytes.CopyTo(padded, padded.Length - bytes.Length);
        Array.Reverse(padded);
        return padded.AsSpan(0, length).ToArray();
    }
}
