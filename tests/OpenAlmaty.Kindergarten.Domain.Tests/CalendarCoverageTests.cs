using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

/// Issue 11, defect 8: a deadline that needs a year without calendar data is refused with a
/// message, never counted as ordinary weekdays.
public sealed class CalendarCoverageTests
{
    [Fact]
    public void ReferralValidUntil_IssuedThirtiethDecember2027_IsRefusedBecause2028HasNoCalendar()
    {
        var calendar = CalendarCsv.SeedCalendar();
        var issued = AlmatyTime.FromLocal(new DateOnly(2027, 12, 30), new TimeOnly(10, 0));

        var refused = Assert.Throws<DomainException>(() => PortalRules.ReferralValidUntil(calendar, issued));

        Assert.Equal("calendar.year-missing", refused.Code);
        Assert.Contains("2028", refused.Text.Ru, StringComparison.Ordinal);
        Assert.Contains(2028, refused.Text.Args);
    }

    [Fact]
    public void Years_SeedFile_AreTheYearsWithData()
    {
        Assert.Equal([2024, 2025, 2026, 2027], CalendarCsv.SeedCalendar().Years);
    }

    [Fact]
    public void NthWorkingDayAfter_InsideKnownYears_IsCountedAsBefore()
    {
        // 24.12.2027 (Fri) + 5 working days: 27, 28, 29, 30, 31 December — all inside 2027.
        Assert.Equal(new DateOnly(2027, 12, 31), CalendarCsv.SeedCalendar().NthWorkingDayAfter(new DateOnly(2027, 12, 24), 5));
    }
}
