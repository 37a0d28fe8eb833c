namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// While an entry is in force no referral of any kind can be issued to the application.
public sealed class StopListEntry
{
    private StopListEntry() { }

    internal StopListEntry(long applicationId, DateTimeOffset from, DateTimeOffset until, string reason)
    {
        ApplicationId = applicationId;
        From = from;
        Until = until;
        Reason = reason;
    }

    public long Id { get; private set; }
    public long ApplicationId { get; private set; }
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset Until { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset? LiftedAt { get; private set; }
    public string? LiftedBy { get; private set; }

    public bool IsInForce(DateTimeOffset now) => LiftedAt is null && From <= now && Common.Deadline.IsOpen(Until, now);

    internal void Extend(DateTimeOffset until)
    {
        if (until > Until) Until = until;
    }

    internal void Lift(DateTimeOffset now, string by)
    {
        LiftedAt = now;
        LiftedBy = by;
    }
}
