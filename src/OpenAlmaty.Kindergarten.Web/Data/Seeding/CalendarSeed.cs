using System.Globalization;
using System.Reflection;
using OpenAlmaty.Kindergarten.Domain.Calendar;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// Kazakhstan's holidays and transfers of days off, 2024-2027, from Data/Seed/working-calendar.csv
/// (each row names its legal source). Loaded once into calendar_days; staff edit it from there.
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
        var days = new List<CalendarDay>();
        foreach (var line in csv.Split('\n').Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var fields = SplitCsv(line.TrimEnd('\r'));
            var kind = fields[1] switch
            {
                "holiday" => CalendarDayKind.Holiday,
                "day_off" => CalendarDayKind.DayOff,
                "working_day" => CalendarDayKind.WorkingDay,
                var other => throw new FormatException($"Unknown calendar day kind '{other}'"),
            };
            days.Add(new CalendarDay(DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), kind,
                fields[2], fields.Count > 3 ? fields[3] : null));
        }
        return days;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
