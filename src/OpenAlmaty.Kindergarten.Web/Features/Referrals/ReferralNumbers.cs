using System.Security.Cryptography;

namespace OpenAlmaty.Kindergarten.Web.Features.Referrals;

/// "R.2026.000123": the year of issue and a serial from referral_number_seq; Latin only, so it
/// reads the same in a PDF, a URL and over the phone. The verification code printed as a QR code
/// is 16 characters (80 bits) of a 32-letter alphabet without I, O, 0 and 1, which are easy to
/// confuse: the public /verify page must not be guessable by trying codes.
public static class ReferralNumbers
{
    public const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 16;

    public static string Format(int year, long serial) => $"R.{year:D4}.{serial:D6}";

    /// For real referrals: unguessable.
    public static string NewVerificationCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, CodeLength));

    /// For demo and generated data: the same seed gives the same codes.
    public static string NewVerificationCode(Random r) => new(r.GetItems<char>(CodeAlphabet, CodeLength));
}
