using System.Diagnostics.CodeAnalysis;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// "UO.2026.000123.4": the year the child joined the queue, a serial from the database sequence
/// (registration_number_seq) and a check digit. The check digit is Luhn mod 10 over the ten
/// digits of year and serial, so that a number misread over the phone to the call centre is
/// caught before anything is searched.
public static class RegistrationNumber
{
    public const string Prefix = "UO";
    public const long MaxSerial = 999_999;

    public static string Format(int year, long serial)
    {
        if (year is < 1000 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (serial is < 1 or > MaxSerial) throw new ArgumentOutOfRangeException(nameof(serial));
        var digits = $"{year:D4}{serial:D6}";
        return $"{Prefix}.{year:D4}.{serial:D6}.{LuhnCheckDigit(digits)}";
    }

    public static bool TryParse([NotNullWhen(true)] string? input, out int year, out long serial)
    {
        year = 0;
        serial = 0;
        var value = input?.Trim().ToUpperInvariant();
        if (value is null || value.Length != 16) return false;
        if (!value.StartsWith(Prefix + ".", StringComparison.Ordinal) || value[7] != '.' || value[14] != '.') return false;
        var digits = string.Concat(value.AsSpan(3, 4), value.AsSpan(8, 6));
        if (!digits.All(char.IsAsciiDigit) || !char.IsAsciiDigit(value[15])) return false;
        if (LuhnCheckDigit(digits) != value[15] - '0') return false;
        year = int.Parse(digits.AsSpan(0, 4));
        serial = long.Parse(digits.AsSpan(4, 6));
        return serial >= 1;
    }

    public static bool IsValid([NotNullWhen(true)] string? input) => TryParse(input, out _, out _);

    /// The digit that makes the whole string pass the Luhn check: from the right, every second
    /// digit of the payload (starting with the last) is doubled, nines cast out.
    public static int LuhnCheckDigit(string digits)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9) throw new ArgumentException("Only digits are allowed.", nameof(digits));
            if (doubleIt) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
