using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Referrals;
using static OpenAlmaty.Kindergarten.Domain.Applications.ApplicationStatus;

namespace OpenAlmaty.Kindergarten.Tools.Seeding;

/// The steps of a story, writing the rows and history the domain's methods write (Application.cs).
public sealed partial class BulkPlan
{
    private BulkReferral Issue(BulkApplication a, BulkChild child, DateTimeOffset at)
    {
        var threeYearsOld = Iin.FullYears(child.BirthDate, AlmatyTime.Today(at)) >= PortalRules.PrivateMinimumAgeYears;
        var organisation = DemoNames.Pick(r, threeYearsOld && r.NextDouble() < 0.6 ? _private : _state);
        string code;
        do code = ReferralNumbers.NewVerificationCode(r); while (!usedCodes.Add(code));
        var validUntil = PortalRules.ReferralValidUntil(calendar, at);
        var referral = new BulkReferral(++_referralId, ReferralNumbers.Format(AlmatyTime.Today(at).Year, ++_referralSerial), a.Id,
            organisation.Id, a.BirthYear, at, validUntil, ReferralStatus.Active, null, null, code);
        Referrals.Add(referral);
        a.OfferedUntil = null;
        Change(a, at, Referred, ApplicationEventKind.ReferralIssued, a.Applicant.FullName,
            $"Направление № {referral.Number} в «{organisation.NameRu}», действительно до {AlmatyTime.Format(validUntil)}", DemoStoryPlayer.DemoSignature);
        return referral;
    }

    private void Close(BulkReferral referral, ReferralStatus status, DateTimeOffset at, string? reason)
    {
        var index = Referrals.Count - 1;
        while (Referrals[index].Id != referral.Id) index--;
        Referrals[index] = referral with { Status = status, ClosedAt = at, CloseReason = reason };
    }

    /// The expiry job a few minutes after the deadline: annulled, back to the queue with a
    /// stop-list of 10 working days, or out of the queue on the second expiry. Returns the
    /// stop-list's end.
    private DateTimeOffset Expire(BulkApplication a, BulkReferral referral)
    {
        var at = referral.ValidUntil.AddMinutes(5);
        var until = PortalRules.StopListUntil(calendar, referral.ValidUntil);
        Close(referral, ReferralStatus.Annulled, at, RuleTexts.History.NotUsedInTime);
        a.ExpiredReferralCount++;
        a.History.Add(new(at, ApplicationEventKind.ReferralAnnulled, ApplicationEvent.SystemActor, a.Status, a.Status,
            RuleTexts.History.Annulled(referral.Number), null));
        if (PortalRules.IsRemovedAfter(a.ExpiredReferralCount))
        {
            Change(a, at, Removed, ApplicationEventKind.RemovedFromQueue, ApplicationEvent.SystemActor,
                RuleTexts.History.RemovedAfterExpiries, null);
            return until;
        }
        Change(a, at, Queued, ApplicationEventKind.StopListed, ApplicationEvent.SystemActor,
            RuleTexts.History.BackInQueue(until), null);
        a.StopListedUntil = until;
        StopList.Add(new BulkStopListEntry(++_stopListId, a.Id, at, until, RuleTexts.History.StopListReason));
        return until;
    }

    private static void Change(BulkApplication a, DateTimeOffset at, ApplicationStatus to, ApplicationEventKind kind, string actor, string? reason, string? signedXml)
    {
        a.History.Add(new(at, kind, actor, a.Status, to, reason, signedXml));
        a.Status = to;
        a.StatusChangedAt = at;
    }

    /// Yesterday staff published state seats for every birth year: the first children of each
    /// year in queue order (2% of those queued) are notified, with 3 working days to choose.
    public void OfferStateSeats()
    {
        var offeredAt = now.AddDays(-1);
        var windowEnd = PortalRules.StateSeatWindowEnd(calendar, offeredAt);
        var seatIndex = Seats.Select((s, i) => (s, i)).ToDictionary(x => (x.s.OrganisationId, x.s.BirthYear), x => x.i);
        foreach (var year in Applications.Select(a => a.BirthYear).Distinct().Order())
        {
            var queue = Applications.Where(a => a.BirthYear == year && a.Status == Queued && a.QueuedAt < offeredAt
                && !(a.StopListedUntil >= offeredAt));
            var offered = QueueOrder.Arrange(queue, a => PrivilegeText.GroupOf(a.Privilege), a => a.QueuedAt, a => a.Id);
            var seats = offered.Count / 50;
            var states = _state.Where(o => o.Type == OrganisationType.State && seatIndex.ContainsKey((o.Id, year))).ToList();
            if (seats == 0 || states.Count == 0) continue;
            for (var i = 0; i * 5 < seats && i < states.Count; i++)
            {
                var index = seatIndex[(states[i].Id, year)];
                Seats[index] = Seats[index] with { FreeSeats = Math.Min(5, seats - i * 5), PriorityUntil = windowEnd };
            }
            foreach (var a in offered.Take(Math.Min(seats, states.Count * 5)))
            {
                a.OfferedUntil = windowEnd;
                Change(a, offeredAt, Notified, ApplicationEventKind.StateSeatOffered, ApplicationEvent.SystemActor,
                    $"Предложено место в государственном детском саду до {AlmatyTime.Format(windowEnd)}", null);
            }
        }
    }

    /// Serials from the sequence in the order the children joined the queue, as the portal gives them.
    public void NumberApplications()
    {
        foreach (var a in Applications.OrderBy(a => a.QueuedAt).ThenBy(a => a.Id))
            a.RegistrationNumber = RegistrationNumber.Format(AlmatyTime.Today(a.QueuedAt).Year, ++_registrationSerial);
    }

    /// Exactly <paramref name="budget"/> events: whole histories of applications picked at
    /// random while they fit, then call-centre notes (which change nothing) to make up the count.
    public void CutHistory(int budget)
    {
        var order = Enumerable.Range(0, Applications.Count).ToArray();
        r.Shuffle(order);
        var chosen = new bool[order.Length];
        var remaining = budget;
        foreach (var i in order)
        {
            if (remaining == 0) break;
            if (Applications[i].History.Count > remaining) continue;
            chosen[i] = true;
            remaining -= Applications[i].History.Count;
        }
        var id = last.Event;
        for (var i = 0; i < order.Length; i++)
            if (chosen[i])
                foreach (var e in Applications[i].History) Events.Add((++id, Applications[i].Id, e));
        for (; remaining > 0 && Applications.Count > 0; remaining--)
        {
            var a = Applications[r.Next(Applications.Count)];
            Events.Add((++id, a.Id, new BulkEvent(Between(a.StatusChangedAt, now), ApplicationEventKind.CallNote, "Оператор Call-center Open Almaty 1308",
                a.Status, a.Status, "Звонок заявителя: сообщены номер в очереди и состояние заявления", null)));
        }
    }
}
