using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

/// Almaty moved from UTC+6 to UTC+5 at 00:00 local on 1 March 2024 (18:00 UTC on 29 February).
public sealed class AlmatyTimeTests
{
    [Theory]
    [InlineData("2023-07-01T12:00:00Z", 6)]
    [InlineData("2024-02-29T17:59:59Z", 6)]
    [InlineData("2024-02-29T18:00:00Z", 5)]
    [InlineData("2024-03-01T12:00:00Z", 5)]
    [InlineData("2026-11-24T19:30:00Z", 5)]
    public void OffsetAt_Instant_IsSixBeforeMarch2024AndFiveAfter(string utc, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), AlmatyTime.OffsetAt(Utc(utc)));
    }

    [Theory]
    [InlineData("2024-01-10T18:30:00Z", "2024-01-11")] // 00:30 at UTC+6
    [InlineData("2026-01-10T18:30:00Z", "2026-01-10")] // 23:30 at UTC+5
    [InlineData("2026-11-24T19:30:00Z", "2026-11-25")] // 00:30 at UTC+5
    [InlineData("2024-02-29T17:30:00Z", "2024-02-29")] // 23:30 at UTC+6, just before the change
    public void Today_Instant_IsTheLocalDateInAlmaty(string utc, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AlmatyTime.Today(Utc(utc)));
    }

    [Fact]
    public void FromLocal_BeforeAndAfterTheChange_UsesTheOffsetOfThatDay()
    {
        var before = AlmatyTime.FromLocal(new DateOnly(2024, 2, 28), new TimeOnly(12, 0));
        var after = AlmatyTime.FromLocal(new DateOnly(2024, 3, 1), new TimeOnly(12, 0));

        Assert.Equal(Utc("2024-02-28T06:00:00Z"), before);
        Assert.Equal(Utc("2024-03-01T07:00:00Z"), after);
        Assert.Equal(TimeSpan.Zero, after.Offset);
    }

    [Fact]
    public void EndOfDay_Date_Is235959InAlmatyAsUtc()
    {
        var end = AlmatyTime.EndOfDay(new DateOnly(2026, 4, 1));

        Assert.Equal(Utc("2026-04-01T18:59:59Z"), end);
        Assert.Equal(TimeSpan.Zero, end.Offset);
    }

    [Fact]
    public void ToLocal_Instant_KeepsTheMomentWithAlmatysOffset()
    {
        var local = AlmatyTime.ToLocal(Utc("2026-04-01T18:59:59Z"));

        Assert.Equal(new DateTime(2026, 4, 1, 23, 59, 59), local.DateTime);
        Assert.Equal(TimeSpan.FromHours(5), local.Offset);
    }

    [Fact]
    public void Format_Instant_ShowsLocalDayMonthYearHoursMinutes()
    {
        Assert.Equal("01.04.2026 23:59", AlmatyTime.Format(Utc("2026-04-01T18:59:59Z")));
    }

    private static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal).ToUniversalTime();
}
