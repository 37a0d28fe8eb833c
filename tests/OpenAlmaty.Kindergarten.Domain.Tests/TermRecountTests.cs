using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

/// Issue 11, point 5: a running term counted again after a calendar change (PortalRules.Recounted).
public sealed class TermRecountTests
{
    private static readonly WorkingCalendar Before = CalendarCsv.SeedCalendar();

    // A referral issued Mon 02.11.2026 is valid to Mon 09.11.2026 (5 working days: 3, 4, 5, 6, 9).
    private static readonly DateTimeOffset End = PortalRules.ReferralValidUntil(Before, AlmatyTime.FromLocal(new DateOnly(2026, 11, 2), new TimeOnly(10, 0)));

    private static WorkingCalendar With(DateOnly date, CalendarDayKind kind) =>
        new(CalendarCsv.SeedDays.Where(d => d.Date != date).Append(new CalendarDay(date, kind, "тест", null)));

    [Fact]
    public void DayInsideBecomesDayOff_EndMovesToTheNextWorkingDay()
    {
        Assert.Equal(AlmatyTime.EndOfDay(new DateOnly(2026, 11, 9)), End);
        var after = With(new DateOnly(2026, 11, 5), CalendarDayKind.DayOff);

        Assert.Equal(AlmatyTime.EndOfDay(new DateOnly(2026, 11, 10)), PortalRules.Recounted(Before, after, End, PortalRules.ReferralValidWorkingDays));
    }

    [Theory]
    [InlineData(2026, 11, 2, CalendarDayKind.DayOff)]      // the day of issue: not counted
    [InlineData(2026, 11, 10, CalendarDayKind.DayOff)]     // after the last day
    [InlineData(2026, 11, 7, CalendarDayKind.WorkingDay)]  // a Saturday inside made working: never shorter
    [InlineData(2026, 11, 7, CalendarDayKind.Holiday)]     // a weekend day made a holiday: was not working anyway
    public void ChangeThatLosesNoWorkingDayInside_EndStays(int year, int month, int day, CalendarDayKind kind)
    {
        var after = With(new DateOnly(year, month, day), kind);

        Assert.Equal(End, PortalRules.Recounted(Before, after, End, PortalRules.ReferralValidWorkingDays));
    }

    [Fact]
    public void StartOfCount_IsTheDayBeforeTheFirstCountedWorkingDay()
    {
        // Ten working days ending Tue 22.12.2026 (16.12 is a holiday) began counting after Mon 07.12.
        Assert.Equal(new DateOnly(2026, 12, 7), Before.StartOfCount(new DateOnly(2026, 12, 22), PortalRules.StopListWorkingDays));
    }
}
