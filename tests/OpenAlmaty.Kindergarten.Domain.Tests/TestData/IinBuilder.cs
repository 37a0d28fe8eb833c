using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Domain.Tests.TestData;

/// Makes IINs with a correct check digit, computed here independently of <see cref="Iin"/>,
/// so a test can put any other part of the number in question.
internal static class IinBuilder
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    /// The eleven digits plus their check digit; fails when both weight passes give 10.
    public static string WithCheckDigit(string elevenDigits)
    {
        var check = CheckDigitOrNull(elevenDigits)
            ?? throw new ArgumentException($"{elevenDigits}: both weight passes give 10", nameof(elevenDigits));
        return elevenDigits + check;
    }

    /// YYMMDD + century-and-sex digit + the first serial from <paramref name="serial"/> that
    /// has a check digit.
    public static string Raw(string yymmdd, int centuryDigit, int serial = 1)
    {
        for (var s = serial; s < 10_000; s++)
        {
            var prefix = $"{yymmdd}{centuryDigit}{s:D4}";
            if (CheckDigitOrNull(prefix) is not null) return WithCheckDigit(prefix);
        }
        throw new ArgumentException("no serial gives a check digit", nameof(serial));
    }

    public static Iin For(DateOnly birthDate, Sex sex, int serial = 1)
    {
        var centuryDigit = (birthDate.Year / 100 - 18) * 2 + (sex == Sex.Male ? 1 : 2);
        return Iin.Parse(Raw(birthDate.ToString("yyMMdd"), centuryDigit, serial));
    }

    public static int? CheckDigitOrNull(string elevenDigits)
    {
        var first = WeightedSum(elevenDigits, FirstWeights) % 11;
        if (first != 10) return first;
        var second = WeightedSum(elevenDigits, SecondWeights) % 11;
        return second == 10 ? null : second;
    }

    private static int WeightedSum(string digits, int[] weights) =>
        Enumerable.Range(0, 11).Sum(i => (digits[i] - '0') * weights[i]);
}
