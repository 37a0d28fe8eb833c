namespace OpenAlmaty.Kindergarten.Domain.Common;

/// Almaty's clock. Kazakhstan moved Almaty from UTC+6 to UTC+5 on 1 March 2024 (Government
/// decree No. 1066 of 2023); the rule is written here so the portal never depends on how fresh
/// the host's tzdata is.
public static class AlmatyTime
{
    private static readonly DateTimeOffset SwitchUtc = new(2024, 2, 29, 18, 0, 0, TimeSpan.Zero);

    public static TimeSpan OffsetAt(DateTimeOffset instant) =>
        instant.UtcDateTime < SwitchUtc.UtcDateTime ? TimeSpan.FromHours(6) : TimeSpan.FromHours(5);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(OffsetAt(instant));

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now).DateTime);

    /// The UTC instant of a local wall-clock time in Almaty.
    public static DateTimeOffset FromLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        var offset = local < new DateTime(2024, 3, 1) ? TimeSpan.FromHours(6) : TimeSpan.FromHours(5);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// 23:59:59 of that day in Almaty, as UTC: the moment a day-based deadline ends.
    public static DateTimeOffset EndOfDay(DateOnly date) => FromLocal(date, new TimeOnly(23, 59, 59));

    public static string Format(DateTimeOffset instant) =>
        ToLocal(instant).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
