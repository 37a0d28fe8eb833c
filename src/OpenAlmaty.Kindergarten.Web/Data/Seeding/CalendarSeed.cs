using System.Reflection;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// Kazakhstan's holidays and transfers of days off, 2024-2027, from Data/Seed/working-calendar.csv
/// (each row names its legal source). Merged into calendar_days at every start (CalendarMerge), so
/// a newer shipped file reaches an existing database; days staff edited are left alone.
public static class CalendarSeed
{
    public static IReadOnlyList<CalendarDay> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Seed.working-calendar.csv")
            ?? throw new InvalidOperationException("The calendar data file is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<CalendarDay> Parse(string csv)
    {
        var (days, error) = CalendarFile.Read(csv);
        return error is null ? days : throw new FormatException(error.Ru);
    }
}
