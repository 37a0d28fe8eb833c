using System.Globalization;
using System.Text;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Features.Calendar;

/// A calendar file: "date,kind,name_ru,source", one day a line (the shared file's format, the same
/// as the shipped Data/Seed/working-calendar.csv). Read checks every line and names the first bad
/// one in both languages; a file is taken whole or not at all.
public static class CalendarFile
{
    public const int MaxBytes = 1024 * 1024;
    public const string Header = "date,kind,name_ru,source";

    public static readonly LocalizedText Empty = new("Файл пуст.");
    public static readonly LocalizedText TooLarge = new("Файл больше 1 МБ: календарь на несколько лет занимает несколько килобайт.");

    public static (IReadOnlyList<CalendarDay> Days, LocalizedText? Error) Read(string text)
    {
        if (text.Length > MaxBytes) return ([], TooLarge);
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.All(string.IsNullOrWhiteSpace)) return ([], Empty);
        if (lines[0].Trim() != Header)
            return ([], new("Первая строка должна быть «{0}».", Header));
        var days = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var n = i + 1;
            var f = SplitCsv(lines[i]);
            if (f.Count is < 3 or > 4 || string.IsNullOrWhiteSpace(f[2]) || f[2].Length > 300 || (f.Count == 4 && f[3].Length > 500))
                return ([], new("Строка {0}: нужны дата, вид дня, название (до 300 знаков) и основание (до 500).", n));
            if (!DateOnly.TryParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year is < 2000 or > 2100)
                return ([], new("Строка {0}: дата «{1}» не в формате ГГГГ-ММ-ДД.", n, f[0]));
            CalendarDayKind? kind = f[1] switch
            {
                "holiday" => CalendarDayKind.Holiday,
                "day_off" => CalendarDayKind.DayOff,
                "working_day" => CalendarDayKind.WorkingDay,
                _ => null,
            };
            if (kind is null)
                return ([], new("Строка {0}: вид дня «{1}» — ожидается holiday, day_off или working_day.", n, f[1]));
            if (!seen.Add(date))
                return ([], new("Строка {0}: дата {1:dd.MM.yyyy} уже есть выше.", n, date));
            days.Add(new CalendarDay(date, kind.Value, f[2].Trim(), f.Count == 4 && !string.IsNullOrWhiteSpace(f[3]) ? f[3].Trim() : null));
        }
        return days.Count == 0 ? ([], Empty) : (days, null);
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
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
