using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// The ways a referred or queued child leaves without an expiry: the parent declines the referral,
/// or the yearly update finds the child past the upper age (issue 11).
public sealed partial class Application
{
    /// «Отказаться от направления», signed by the parent: the seat goes back at once (the portal
    /// frees it in the same transaction), the application returns to its original place (its queue
    /// date never changed) with the same stop-list an expiry gives, and (decision, issue 11) a
    /// decline is not an expiry: it does not count towards the two that remove a child.
    public void DeclineReferral(Referral referral, DateTimeOffset now, DateTimeOffset stopListUntil, string actor, string signedXml)
    {
        RequireOwn(referral);
        RequireStatus(ApplicationStatus.Referred);
        if (referral.IsExpiredAt(now))
            throw new DomainException("referral.expired", new(
                "Срок направления истёк {0}: отказаться от него уже нельзя.", AlmatyTime.Format(referral.ValidUntil)));
        referral.Close(ReferralStatus.Declined, now, "Отказ родителя от направления");
        ChangeStatus(ApplicationStatus.Queued, now, ApplicationEventKind.ReferralDeclined, actor,
            $"Родитель отказался от направления № {referral.Number}; возвращено в очередь на прежнее место; в стоп-листе до {AlmatyTime.Format(stopListUntil)}",
            signedXml);
        StopListedUntil = stopListUntil;
        _stopList.Add(new StopListEntry(Id, now, stopListUntil, "Отказ от направления"));
    }

    /// The yearly update before the season: a queued child who has reached the upper age leaves the queue.
    public void RemoveAgedOut(DateTimeOffset now)
    {
        RequireStatus(ApplicationStatus.Queued, ApplicationStatus.Notified);
        if (Child is null || !QueueAge.HasAgedOut(Child.BirthDate, now))
            throw new DomainException("application.not-aged-out", new(
                "Ребёнку ещё нет {0} лет.", QueueAge.MaximumAge));
        OfferedUntil = null;
        ChangeStatus(ApplicationStatus.Removed, now, ApplicationEventKind.RemovedFromQueue, ApplicationEvent.SystemActor, QueueAge.AgedOutReason, null);
    }

}
