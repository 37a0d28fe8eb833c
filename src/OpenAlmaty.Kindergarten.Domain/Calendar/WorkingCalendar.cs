using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Calendar;

public enum CalendarDayKind
{
    /// A public holiday (also when it falls on a weekend).
    Holiday = 1,
    /// A weekday made a day off: a holiday moved off a weekend, or a transferred day of rest.
    DayOff = 2,
    /// A weekend day made a working day by a transfer order.
    WorkingDay = 3,
    /// Staff made a shipped day ordinary again (Monday to Friday working, weekend off); the row is
    /// kept so that a newer shipped file does not bring the old kind back.
    Ordinary = 4,
}

/// A date that is not an ordinary Monday-to-Friday working day or weekend: data, edited by staff,
/// because the Government moves days off every year.
public sealed class CalendarDay
{
    private CalendarDay() { }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name, string? source)
    {
        Date = date;
        Kind = kind;
        Name = name;
        Source = source;
    }

    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string? Source { get; private set; }
    /// Who edited the day by hand; null for a day from a calendar file. A file never overwrites
    /// a day staff edited.
    public string? EditedBy { get; private set; }

    public void Change(CalendarDayKind kind, string name, string? source)
    {
        Kind = kind;
        Name = name;
        Source = source;
    }

    public void EditByStaff(CalendarDayKind kind, string name, string? source, string editedBy)
    {
        Change(kind, name, source);
        EditedBy = editedBy;
    }

    public static CalendarDay ByStaff(DateOnly date, CalendarDayKind kind, string name, string? source, string editedBy)
    {
        var day = new CalendarDay(date, kind, name, source);
        day.EditedBy = editedBy;
        return day;
    }

    /// The same kind, name and source as a day from a file.
    public bool SameAs(CalendarDay other) => Kind == other.Kind && Name == other.Name && Source == other.Source;
}

/// Kazakhstan's working days: Monday to Friday, less holidays and days off, plus working weekends.
/// A year is known when the calendar has data for it (every year has holidays); a deadline that
/// reaches into an unknown year is refused, never counted as plain weekdays (issue 11, defect 8).
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions;
    private readonly HashSet<int> _years;
    private readonly bool _guessUnknownYears;

    public WorkingCalendar(IEnumerable<CalendarDay> days) : this(days, guessUnknownYears: false) { }

    private WorkingCalendar(IEnumerable<CalendarDay> days, bool guessUnknownYears)
    {
        _exceptions = days.Where(d => d.Kind != CalendarDayKind.Ordinary).ToDictionary(d => d.Date, d => d.Kind);
        _years = _exceptions.Keys.Select(d => d.Year).ToHashSet();
        _guessUnknownYears = guessUnknownYears;
    }

    /// For generated demo history only (stories that began years before the calendar's data):
    /// an unknown year counts as Monday to Friday. Never for a live deadline.
    public static WorkingCalendar ForGeneratedHistory(IEnumerable<CalendarDay> days) => new(days, guessUnknownYears: true);

    /// The years the calendar has data for, in order.
    public IReadOnlyList<int> Years => _years.Order().ToList();

    public bool Knows(int year) => _years.Contains(year);

    /// The year staff must load now: this year if it is missing, and from 1 October next year.
    public int? YearToLoad(DateOnly today) =>
        !Knows(today.Year) ? today.Year : today.Month >= 10 && !Knows(today.Year + 1) ? today.Year + 1 : null;

    public bool IsWorkingDay(DateOnly date)
    {
        if (!Knows(date.Year) && !_guessUnknownYears) throw YearMissing(date.Year);
        if (_exceptions.TryGetValue(date, out var kind))
            return kind == CalendarDayKind.WorkingDay;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// The Nth working day after a date; the date itself does not count.
    public DateOnly NthWorkingDayAfter(DateOnly date, int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n));
        var day = date;
        for (var found = 0; found < n;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) found++;
        }
        return day;
    }

    /// The day after which the Nth working day is <paramref name="lastDay"/> (or the last working day
    /// before it): where a term of N working days that ends on that day began counting.
    public DateOnly StartOfCount(DateOnly lastDay, int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n));
        var day = lastDay;
        for (var found = 0; ; day = day.AddDays(-1))
            if (IsWorkingDay(day) && ++found == n) return day.AddDays(-1);
    }

    /// 23:59:59 Almaty time of the Nth working day after the Almaty day that contains the instant.
    public DateTimeOffset EndOfNthWorkingDayAfter(DateTimeOffset instant, int n) =>
        AlmatyTime.EndOfDay(NthWorkingDayAfter(AlmatyTime.Today(instant), n));

    public static DomainException YearMissing(int year) => new("calendar.year-missing", new(
        "Нет производственного календаря на {0} год: срок не может быть рассчитан. Управление образования загружает календарь; попробуйте позже.", year));

    /// 0 for a year without data.
    public int WorkingDaysIn(int year)
    {
        if (!Knows(year)) return 0;
        var count = 0;
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }
}
