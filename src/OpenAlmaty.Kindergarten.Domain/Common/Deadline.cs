namespace OpenAlmaty.Kindergarten.Domain.Common;

/// A deadline is stored and shown as the last second it covers (23:59:59 of its last day, Almaty
/// time) and includes that whole second: it has passed only from the next second on (midnight).
/// Every "is it still open?" question in C# asks here; SQL compares with <see cref="PassedBy"/>.
public static class Deadline
{
    /// The first instant at which the deadline no longer holds (exclusive end).
    public static DateTimeOffset ExclusiveEnd(DateTimeOffset deadline) => deadline.AddSeconds(1);

    public static bool HasPassed(DateTimeOffset deadline, DateTimeOffset now) => now >= ExclusiveEnd(deadline);

    public static bool IsOpen(DateTimeOffset deadline, DateTimeOffset now) => !HasPassed(deadline, now);

    /// For SQL: a stored deadline d has passed at <paramref name="now"/> exactly when d &lt;= PassedBy(now).
    public static DateTimeOffset PassedBy(DateTimeOffset now) => now.AddSeconds(-1);
}
