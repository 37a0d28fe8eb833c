using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// The public lottery. The seed is drawn when the request window opens and only its hash is
/// published; after allocation the seed is revealed, and anyone can recompute every number:
/// the first 8 bytes, big-endian, of HMAC-SHA256(key = seed, message = UTF-8 of the pseudonym).
/// Lower numbers come first; equal numbers (never seen in practice) go by pseudonym, ordinal.
public static class ReleaseLottery
{
    /// 32 bytes: as long as the HMAC key, so the seed cannot be guessed from its hash.
    public const int SeedLength = 32;

    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedLength);

    public static ulong Number(byte[] seed, string pseudonym)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(pseudonym);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(seed, Encoding.UTF8.GetBytes(pseudonym), mac);
        return BinaryPrimitives.ReadUInt64BigEndian(mac);
    }

    /// <see cref="Number"/> for many pseudonyms with one HMAC key set-up: the allocation draws
    /// 50,000 of them, and setting the key up again for each one doubled its time.
    internal static ulong[] Numbers(byte[] seed, IReadOnlyList<string> pseudonyms)
    {
        using var hmac = new HMACSHA256(seed);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var numbers = new ulong[pseudonyms.Count];
        for (var i = 0; i < numbers.Length; i++)
        {
            hmac.TryComputeHash(Encoding.UTF8.GetBytes(pseudonyms[i]), mac, out _);
            numbers[i] = BinaryPrimitives.ReadUInt64BigEndian(mac);
        }
        return numbers;
    }

    /// Lowercase hex of SHA-256 of the seed: what the release page shows before the reveal.
    public static string SeedHash(byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return Convert.ToHexStringLower(SHA256.HashData(seed));
    }
}
