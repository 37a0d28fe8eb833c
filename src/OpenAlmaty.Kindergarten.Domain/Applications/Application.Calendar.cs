using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// A staff calendar change made a day inside a running term non-working (issue 11, point 5): the
/// term moves on to its recounted end (PortalRules.Recounted), recorded in the history. Each verb
/// guards the term it extends (still running, this application's) and never shortens it; false
/// when there was nothing to extend.
public sealed partial class Application
{
    public bool ExtendReferral(Referral referral, DateTimeOffset validUntil, DateTimeOffset now, string reason)
    {
        RequireOwn(referral);
        if (Status != ApplicationStatus.Referred || referral.Status != ReferralStatus.Active || !Deadline.IsOpen(referral.ValidUntil, now)
            || validUntil <= referral.ValidUntil) return false;
        referral.Extend(validUntil);
        Record(now, ApplicationEventKind.DeadlineExtended, ApplicationEvent.SystemActor, Status, Status, reason, null);
        return true;
    }

    public bool ExtendStopList(DateTimeOffset until, DateTimeOffset now, string reason)
    {
        if (!IsStopListed(now) || until <= StopListedUntil!.Value) return false;
        foreach (var entry in _stopList.Where(e => e.IsInForce(now) && e.Until == StopListedUntil)) entry.Extend(until);
        StopListedUntil = until;
        Record(now, ApplicationEventKind.DeadlineExtended, ApplicationEvent.SystemActor, Status, Status, reason, null);
        return true;
    }

    public bool ExtendOffer(DateTimeOffset until, DateTimeOffset now, string reason)
    {
        if (!StateSeatOffer.IsHeld(Status, OfferedUntil, now) || until <= OfferedUntil!.Value) return false;
        OfferedUntil = until;
        Record(now, ApplicationEventKind.DeadlineExtended, ApplicationEvent.SystemActor, Status, Status, reason, null);
        return true;
    }
}
