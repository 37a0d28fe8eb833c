using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Web.Tests.TestData;

/// Valid IINs for test people: the birth date, the century-and-sex digit, a serial, the check digit.
public static class TestIins
{
    private static int _serial = 1000;

    public static string Make(DateOnly birthDate, Sex sex = Sex.Male)
    {
        var centuryBase = birthDate.Year switch { < 1900 => 1, < 2000 => 3, _ => 5 };
        var centuryDigit = centuryBase + (sex == Sex.Female ? 1 : 0);
        while (true)
        {
            var serial = Interlocked.Increment(ref _serial) % 10000;
            var eleven = $"{birthDate:yyMMdd}{centuryDigit}{serial:D4}";
            if (Iin.CheckDigit(eleven + "0") is { } check) return eleven + check;
        }
    }
}
