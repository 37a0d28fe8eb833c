using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;

namespace OpenAlmaty.Kindergarten.Web.Features.Calendar;

/// What a calendar change extended: the referrals (their PDFs are drawn again after COMMIT), the
/// applications whose stop-list or state-seat offer moved on, and the seats whose window did.
public sealed record CalendarExtension(IReadOnlyList<long> Referrals, IReadOnlyList<long> StopLists, IReadOnlyList<long> Offers, int Windows)
{
    public static readonly CalendarExtension None = new([], [], [], 0);

    public bool Any => Referrals.Count + StopLists.Count + Offers.Count + Windows > 0;

    public string Summary => $"продлено: направлений {Referrals.Count}, стоп-листов {StopLists.Count}, предложений гос мест {Offers.Count}, окон приоритета {Windows}";
}

/// Issue 11, point 5: a calendar change that makes a day non-working inside a running referral,
/// stop-list or state-seat priority window extends it — each term counted again from where it began
/// (PortalRules.Recounted), never shortened — in the calendar change's own transaction, with the
/// rows locked (applications, then their referrals, then seats: the order of the seat press), the
/// history written by the domain and the parents' notifications in the outbox.
public sealed class CalendarDeadlines(AppDbContext db)
{
    public async Task<CalendarExtension> ExtendAsync(WorkingCalendar before, WorkingCalendar after, IEnumerable<DateOnly> changed,
        DateTimeOffset now, string actor, CancellationToken ct)
    {
        // Only a day that was working and is not any more moves a term; a year the old calendar did
        // not know held no running term.
        var lost = changed.Distinct().Where(d => before.Knows(d.Year) && after.Knows(d.Year) && before.IsWorkingDay(d) && !after.IsWorkingDay(d))
            .Order().ToList();
        if (lost.Count == 0) return CalendarExtension.None;
        // A term whose end is before the first lost day cannot contain it; a passed term is left alone.
        var from = AlmatyTime.FromLocal(lost[0], TimeOnly.MinValue);
        var passedBy = Deadline.PassedBy(now);
        int notified = (int)ApplicationStatus.Notified, active = (int)ReferralStatus.Active;
        var applications = await db.Applications.FromSql($"""
            select *, xmin from applications
            where (stop_listed_until > {passedBy} and stop_listed_until >= {from})
               or (status = {notified} and offered_until > {passedBy} and offered_until >= {from})
               or id in (select application_id from referrals where status = {active} and valid_until > {passedBy} and valid_until >= {from})
            order by id for update
            """).Include(a => a.StopList).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToArray();
        var referrals = await db.Referrals.FromSql($"select *, xmin from referrals where application_id = any({ids}) and status = {active} order by id for update")
            .ToDictionaryAsync(r => r.ApplicationId, ct);

        List<long> extendedReferrals = [], stopLists = [], offers = [];
        foreach (var application in applications)
        {
            if (referrals.TryGetValue(application.Id, out var referral)
                && Deadline.IsOpen(referral.ValidUntil, now)
                && PortalRules.Recounted(before, after, referral.ValidUntil, PortalRules.ReferralValidWorkingDays) is var validUntil
                && application.ExtendReferral(referral, validUntil, now, RuleTexts.History.ReferralExtended(referral.Number, lost, validUntil)))
                extendedReferrals.Add(referral.Id);
            if (application.IsStopListed(now)
                && PortalRules.Recounted(before, after, application.StopListedUntil!.Value, PortalRules.StopListWorkingDays) is var stopUntil
                && application.ExtendStopList(stopUntil, now, RuleTexts.History.StopListExtended(lost, stopUntil)))
                stopLists.Add(application.Id);
            if (StateSeatOffer.IsHeld(application.Status, application.OfferedUntil, now)
                && PortalRules.Recounted(before, after, application.OfferedUntil!.Value, PortalRules.StateSeatWindowWorkingDays) is var offerUntil
                && application.ExtendOffer(offerUntil, now, RuleTexts.History.OfferExtended(lost, offerUntil)))
                offers.Add(application.Id);
        }

        var seats = await db.Seats.FromSql($"select * from seats where priority_until > {passedBy} and priority_until >= {from} order by id for update").ToListAsync(ct);
        var windows = 0;
        foreach (var seat in seats)
        {
            var until = PortalRules.Recounted(before, after, seat.PriorityUntil!.Value, PortalRules.StateSeatWindowWorkingDays);
            if (until <= seat.PriorityUntil) continue;
            seat.ExtendPriority(until, now, actor);
            windows++;
        }

        await db.SaveChangesAsync(ct);
        await Outbox.TermsExtendedAsync(db, [.. extendedReferrals], [.. stopLists], [.. offers], now, ct);
        return new(extendedReferrals, stopLists, offers, windows);
    }
}
