using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// "Принято решение": the application holds a state-seat offer only while its window is open.
/// Between the window's end and the job that ends it the status still says Notified, so every
/// reader (picker, page, issuer) asks here rather than looking at the status alone.
public static class StateSeatOffer
{
    public static bool IsHeld(ApplicationStatus status, DateTimeOffset? offeredUntil, DateTimeOffset now) =>
        status == ApplicationStatus.Notified && offeredUntil is { } until && Deadline.IsOpen(until, now);
}
