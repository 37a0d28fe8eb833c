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

    /// X‖Y of Q + T, where Q is the given key and T a point of order 2 or 4 (the curve must have a
    /// cofactor): a point of the curve that is not in the subgroup of order q.
    public static byte[] PlusSmallOrderPoint(GostCurve curve, byte[] publicKey)
    {
        var field = curve.FieldBytes;
        var key = curve.Domain.Curve.ValidatePoint(FromLittleEndian(publicKey.AsSpan(0, field)), FromLittleEndian(publicKey.AsSpan(field)));
        var ec = curve.Domain.Curve;
        // Not through DecodePoint: BouncyCastle would refuse every point outside the subgroup.
        for (var x = 1; x < 1000; x++)
        {
            var fx = ec.FromBigInteger(BcInteger.ValueOf(x));
            var fy = fx.Square().Add(ec.A).Multiply(fx).Add(ec.B).Sqrt();
            if (fy is null) continue;
            var point = ec.CreatePoint(fx.ToBigInteger(), fy.ToBigInteger());
            var small = point.Multiply(curve.Domain.N).Normalize();
            if (small.IsInfinity) continue;
            var mixed = key.Add(small).Normalize();
            return [.. LittleEndian(mixed.AffineXCoord.ToBigInteger(), field), .. LittleEndian(mixed.AffineYCoord.ToBigInteger(), field)];
        }
        throw new InvalidOperationException($"{curve} has no point of small order among x < 1000");
    }

    public static BcInteger FromLittleEndian(ReadOnlySpan<byte> bytes)
    {
        var reversed = bytes.ToArray();
        Array.Reverse(reversed);
        return new BcInteger(1, reversed);
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
