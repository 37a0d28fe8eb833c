using System.Globalization;
using System.Text;
using OpenAlmaty.Kindergarten.Domain.Calendar;

namespace OpenAlmaty.Kindergarten.Domain.Tests.TestData;

/// Reads the portal's seed file (date,kind,name_ru,source; RFC 4180 quoting: names and sources
/// contain commas).
internal static class CalendarCsv
{
    public static readonly string SeedPath = Path.Combine(AppContext.BaseDirectory, "TestData", "working-calendar.csv");

    private static readonly Lazy<IReadOnlyList<CalendarDay>> Seed = new(() => Read(File.ReadAllText(SeedPath)));

    public static IReadOnlyList<CalendarDay> SeedDays => Seed.Value;

    public static WorkingCalendar SeedCalendar() => new(SeedDays);

    public static IReadOnlyList<CalendarDay> Read(string text)
    {
        var rows = Rows(text).ToList();
        if (rows.Count == 0 || rows[0] is not ["date", "kind", "name_ru", "source"])
            throw new FormatException("unexpected header");
        return rows.Skip(1)
            .Select(r => new CalendarDay(DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), Kind(r[1]), r[2], r[3]))
            .ToList();
    }

    private static CalendarDayKind Kind(string kind) => kind switch
    {
        "holiday" => CalendarDayKind.Holiday,
        "day_off" => CalendarDayKind.DayOff,
        "working_day" => CalendarDayKind.WorkingDay,
        _ => throw new FormatException($"unknown kind {kind}"),
    };

    public static IEnumerable<string[]> Rows(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return [.. fields];
                fields.Clear();
            }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
