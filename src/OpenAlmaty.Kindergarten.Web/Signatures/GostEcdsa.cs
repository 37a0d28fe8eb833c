using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcInteger = Org.BouncyCastle.Math.BigInteger;
using NumericsInteger = System.Numerics.BigInteger;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// GOST R 34.10-2012/2015 verification in NCA's encoding (r‖s and X‖Y, each half little-endian;
/// e = the digest read little-endian, mod q, 1 if 0). A GOST check is an ECDSA check on the same
/// curve with rearranged values: GOST accepts when x(s/e·G − r/e·Q) ≡ r, and ECDSA with s' = q − e
/// and hash h = q − s computes exactly that point. .NET's ECDsa (OpenSSL) then does it natively,
/// several times faster than BouncyCastle. Creating its key object costs several checks' worth,
/// so it is kept per public key: the CA keys always (<see cref="Pin"/>), a person's key for
/// half an hour after its last use. A key's first check goes the way measured cheaper for one
/// check on its curve (<see cref="GostCurve.FirstCheckThroughBouncyCastle"/>; decision 0014):
/// on 512-bit keys BouncyCastle, and the object is created at the second check. Evicted key
/// objects are not disposed: another request may still be using one; the GC frees them.
internal static class GostEcdsa
{
    // ~1,000 bytes of managed and native memory per key; a day's rush of parents fits.
    private const long CacheSize = 20_000;
    private static readonly TimeSpan PersonKeyLife = TimeSpan.FromMinutes(30);
    private static readonly MemoryCache Keys = new(new MemoryCacheOptions { SizeLimit = CacheSize });

    /// Verifies <paramref name="signature"/> (r‖s little-endian) over <paramref name="hash"/>
    /// with the key X‖Y little-endian.
    public static bool Verify(GostCurve curve, byte[] publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != 2 * curve.FieldBytes || signature.Length != 2 * curve.FieldBytes) return false;
        var id = CacheKey(curve, publicKey);
        var cached = Keys.Get(id);
        if (cached is ECDsa key) return VerifyEcdsa(curve, key, hash, signature);
        if (cached is null && curve.FirstCheckThroughBouncyCastle)
        {
            Keys.Set(id, Seen.Instance, PersonEntry());
            return VerifyBouncyCastle(curve, publicKey, hash, signature);
        }
        var created = CreateKey(curve, publicKey);
        if (created is null) return false;
        Keys.Set(id, created, PersonEntry());
        return VerifyEcdsa(curve, created, hash, signature);
    }

    /// Keeps the key object of a trust anchor for the life of the process.
    public static void Pin(GostCurve curve, byte[] publicKey)
    {
        if (publicKey.Length != 2 * curve.FieldBytes || CreateKey(curve, publicKey) is not { } key) return;
        Keys.Set(CacheKey(curve, publicKey), key, new MemoryCacheEntryOptions { Size = 1, Priority = CacheItemPriority.NeverRemove });
    }

    /// The ECDSA form of a GOST check (the recipe in the class comment).
    internal static bool VerifyEcdsa(GostCurve curve, ECDsa key, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        var half = curve.FieldBytes;
        var q = curve.Q;
        var r = LittleEndian(signature[..half]);
        var s = LittleEndian(signature[half..]);
        if (r.Sign <= 0 || r >= q || s.Sign <= 0 || s >= q) return false;
        var e = LittleEndian(hash) % q;
        if (e.IsZero) e = NumericsInteger.One;

        // OpenSSL keeps the leftmost bitlen(q) bits of the hash: shift h up to survive that.
        var length = (curve.QBits + 7) / 8;
        Span<byte> digest = stackalloc byte[length];
        BigEndian((q - s) << (8 * length - curve.QBits), digest);
        Span<byte> ecdsaSignature = stackalloc byte[2 * half];
        BigEndian(r, ecdsaSignature[..half]);
        BigEndian(q - e, ecdsaSignature[half..]);
        try
        {
            return key.VerifyHash(digest, ecdsaSignature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// BouncyCastle's own GOST signer, the reference the ECDSA form is proven against.
    internal static bool VerifyBouncyCastle(GostCurve curve, byte[] publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        var half = curve.FieldBytes;
        try
        {
            var point = curve.Domain.Curve.ValidatePoint(BcLittleEndian(publicKey.AsSpan(0, half)), BcLittleEndian(publicKey.AsSpan(half)));
            var verifier = new ECGost3410Signer();
            verifier.Init(false, new ECPublicKeyParameters(point, curve.Domain));
            // The signer reads the hash little-endian itself.
            return verifier.VerifySignature(hash.ToArray(), BcLittleEndian(signature[..half]), BcLittleEndian(signature[half..]));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// The key as an ECDsa object, or null when it is not a point of the curve's subgroup.
    internal static ECDsa? CreateKey(GostCurve curve, byte[] publicKey)
    {
        var half = curve.FieldBytes;
        var x = publicKey.AsSpan(0, half).ToArray();
        var y = publicKey.AsSpan(half, half).ToArray();
        Array.Reverse(x);
        Array.Reverse(y);
        try
        {
            return ECDsa.Create(new ECParameters { Curve = curve.Explicit, Q = new ECPoint { X = x, Y = y } });
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static MemoryCacheEntryOptions PersonEntry() => new() { Size = 1, SlidingExpiration = PersonKeyLife };

    private static string CacheKey(GostCurve curve, byte[] publicKey) => curve.Name + ":" + Convert.ToBase64String(publicKey);

    private static NumericsInteger LittleEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    private static BcInteger BcLittleEndian(ReadOnlySpan<byte> bytes)
    {
        var reversed = bytes.ToArray();
        Array.Reverse(reversed);
        return new BcInteger(1, reversed);
    }

    private static void BigEndian(NumericsInteger value, Span<byte> destination)
    {
        destination.Clear();
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(destination[(destination.Length - length)..], out _, isUnsigned: true, isBigEndian: true);
    }

    /// A key checked once through BouncyCastle: the next check creates its ECDsa object.
    private sealed class Seen
    {
        public static readonly Seen Instance = new();
    }
}
