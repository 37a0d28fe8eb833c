using OpenAlmaty.Kindergarten.Domain.Applications;

namespace OpenAlmaty.Kindergarten.Domain.Tests.TestData;

/// What a refused transition must leave as it was.
internal sealed record ApplicationSnapshot(ApplicationStatus Status, int EventCount, DateTimeOffset StatusChangedAt,
    DateTimeOffset QueuedAt, Privilege Privilege, DateTimeOffset? OfferedUntil, DateTimeOffset? StopListedUntil,
    int ExpiredReferralCount, int StopListEntries)
{
    public static ApplicationSnapshot Of(Application a) => new(a.Status, a.Events.Count, a.StatusChangedAt, a.QueuedAt,
        a.Privilege, a.OfferedUntil, a.StopListedUntil, a.ExpiredReferralCount, a.StopList.Count);
}
