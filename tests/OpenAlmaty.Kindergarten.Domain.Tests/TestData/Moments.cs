namespace OpenAlmaty.Kindergarten.Domain.Tests.TestData;

/// The instants the application tests share, all after Almaty moved to UTC+5.
internal static class Moments
{
    public static readonly DateTimeOffset QueuedAt = new(2025, 9, 1, 4, 0, 0, TimeSpan.Zero);

    /// Monday 2 March 2026, 10:00 in Almaty.
    public static readonly DateTimeOffset Issued = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);

    /// The end of the 5th working day after 2 March 2026 (Tuesday 10 March; 9 March is a day off).
    public static readonly DateTimeOffset ValidUntil = new(2026, 3, 10, 18, 59, 59, TimeSpan.Zero);

    public static readonly DateTimeOffset BeforeDeadline = ValidUntil.AddHours(-3);
    public static readonly DateTimeOffset AfterDeadline = ValidUntil.AddSeconds(1);

    /// A stop-list that ends some working days after the expiry.
    public static readonly DateTimeOffset StopListUntil = new(2026, 3, 31, 18, 59, 59, TimeSpan.Zero);
    public static readonly DateTimeOffset AfterStopList = StopListUntil.AddSeconds(1);
}
