using System.Globalization;
using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Web.Tests.Verify;

/// Valid IINs for test children: a birth date, the century-and-sex digit, a fresh serial and the
/// check digit the domain computes (serials whose check digit would be 10 are skipped).
internal static class TestIins
{
    private static int _serial = Random.Shared.Next(1000, 9000);

    public static string Next(DateOnly birthDate, bool male)
    {
        var century = (birthDate.Year >= 2000 ? 5 : 3) + (male ? 0 : 1);
        while (true)
        {
            var serial = Interlocked.Increment(ref _serial) % 10000;
            var head = string.Create(CultureInfo.InvariantCulture, $"{birthDate:yyMMdd}{century}{serial:D4}");
            for (var check = 0; check <= 9; check++)
            {
                if (Iin.TryParse(head + check, out _, out _)) return head + check;
            }
        }
    }
}
