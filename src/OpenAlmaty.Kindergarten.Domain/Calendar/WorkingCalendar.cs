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

    public void Change(CalendarDayKind kind, string name, string? source)
    {
        Kind = kind;
        Name = name;
        Source = source;
    }
}

/// Kazakhstan's working days: Monday to Friday, less holidays and days off, plus working weekends.
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions;

    public WorkingCalendar(IEnumerable<CalendarDay> days) =>
        _exceptions = days.ToDictionary(d => d.Date, d => d.Kind);

    public bool IsWorkingDay(DateOnly date)
    {
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

    /// 23:59:59 Almaty time of the Nth working day after the Almaty day that contains the instant.
    public DateTimeOffset EndOfNthWorkingDayAfter(DateTimeOffset instant, int n) =>
        AlmatyTime.EndOfDay(NthWorkingDayAfter(AlmatyTime.Today(instant), n));

    public int WorkingDaysIn(int year)
    {
        var count = 0;
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }
}
