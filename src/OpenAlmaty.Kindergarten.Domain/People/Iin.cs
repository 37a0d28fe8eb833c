using System.Diagnostics.CodeAnalysis;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.People;

public enum Sex { Male, Female }

/// Kazakhstan's individual identification number: YYMMDD, a century-and-sex digit,
/// four serial digits and a check digit (two weight passes, mod 11).
public readonly record struct Iin
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    private Iin(string value, DateOnly birthDate, Sex sex)
    {
        Value = value;
        BirthDate = birthDate;
        Sex = sex;
    }

    public string Value { get; }
    public DateOnly BirthDate { get; }
    public Sex Sex { get; }

    public override string ToString() => Value;

    public static Iin Parse(string? input) =>
        TryParse(input, out var iin, out var error) ? iin : throw new DomainException("iin.invalid", error);

    public static bool TryParse(string? input, out Iin iin, [NotNullWhen(false)] out LocalizedText? error)
    {
        iin = default;
        var value = input?.Trim() ?? "";
        if (value.Length != 12)
        {
            error = new("ИИН должен состоять из 12 цифр.");
            return false;
        }
        if (!value.All(char.IsAsciiDigit))
        {
            error = new("ИИН может содержать только цифры.");
            return false;
        }
        if (CheckDigit(value) is not { } check || check != value[11] - '0')
        {
            error = new("ИИН введён с ошибкой: не сходится контрольная цифра.");
            return false;
        }
        var centuryDigit = value[6] - '0';
        if (centuryDigit is < 1 or > 6)
        {
            error = new("ИИН введён с ошибкой: неверная седьмая цифра (век и пол).");
            return false;
        }
        var century = 1800 + (centuryDigit - 1) / 2 * 100;
        var year = century + int.Parse(value.AsSpan(0, 2));
        var month = int.Parse(value.AsSpan(2, 2));
        var day = int.Parse(value.AsSpan(4, 2));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = new("ИИН введён с ошибкой: в нём нет настоящей даты рождения.");
            return false;
        }
        iin = new Iin(value, new DateOnly(year, month, day), centuryDigit % 2 == 1 ? Sex.Male : Sex.Female);
        error = null;
        return true;
    }

    /// The check digit of the first eleven digits, or null when both passes give 10.
    /// BINs use the same algorithm.
    public static int? CheckDigit(string twelveDigits)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++) sum += (twelveDigits[i] - '0') * FirstWeights[i];
        var c = sum % 11;
        if (c != 10) return c;
        sum = 0;
        for (var i = 0; i < 11; i++) sum += (twelveDigits[i] - '0') * SecondWeights[i];
        c = sum % 11;
        return c == 10 ? null : c;
    }

    /// Age in full years on a given day.
    public int AgeOn(DateOnly day) => FullYears(BirthDate, day);

    public static int FullYears(DateOnly birth, DateOnly day)
    {
        var years = day.Year - birth.Year;
        if (day < birth.AddYears(years)) years--;
        return years;
    }

    /// "90******0017": enough for an operator to compare with what a caller reads out, no more.
    public static string Mask(string? iin) =>
        string.IsNullOrEmpty(iin) || iin.Length < 4 ? "—" : $"{iin[..2]}******{iin[^4..]}";
}
