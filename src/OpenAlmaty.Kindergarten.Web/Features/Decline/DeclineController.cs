using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Features.Shared;
using OpenAlmaty.Kindergarten.Web.Localization;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.Decline;

public sealed record DeclinePage(long ApplicationId, string RegistrationNumber, string ChildName, string ReferralNumber,
    string OrganisationName, Guid RequestId, string XmlToSign);

/// «Отказаться от направления»: the parent gives a referral back, signed like a withdrawal. The seat
/// is free at once, the child returns to its place with the stop-list, and it is not an expiry.
[Authorize(Policy = Policies.Parent)]
[Route("applications/{id:long}/decline")]
public sealed class DeclineController(AppDbContext db, SignedRequests signedRequests, SignedAction action, WorkingCalendarSource calendars,
    Seats.StateSeatOffers offers, Jobs.IAfterCommit afterCommit,
    Lang lang) : Controller
{
    public const string Kind = "decline-referral";

    [HttpGet("")]
    public async Task<IActionResult> Confirm(long id, CancellationToken ct)
    {
        var personId = User.PersonId();
        var found = await db.Applications.AsNoTracking()
            .Where(a => a.Id == id && a.Access.Any(x => x.PersonId == personId))
            .Select(a => new { a.RegistrationNumber, Child = a.Child!.LastName + " " + a.Child.FirstName })
            .SingleOrDefaultAsync(ct);
        if (found is null) return NotFound();
        var referral = await db.Referrals.AsNoTracking()
            .Where(r => r.ApplicationId == id && r.Status == ReferralStatus.Active)
            .Select(r => new { r.Number, Organisation = r.Organisation!.NameRu })
            .SingleOrDefaultAsync(ct);
        if (referral is null)
        {
            TempData["Error"] = lang.Of(NoReferral);
            return Redirect($"/applications/{id}");
        }
        var (requestId, xml) = await signedRequests.PrepareAsync(User.Iin()!, Kind, id, new Dictionary<string, string>
        {
            ["registration"] = found.RegistrationNumber,
            ["child"] = found.Child,
            ["referral"] = referral.Number,
            ["action"] = "Отказаться от направления",
        }, ct);
        return View(new DeclinePage(id, found.RegistrationNumber, found.Child, referral.Number, referral.Organisation, requestId, xml));
    }

    [HttpPost("")]
    public async Task<IActionResult> Decline(long id, Guid requestId, string? signedXml, CancellationToken ct)
    {
        var personId = User.PersonId()!.Value;
        if (!await db.Applications.AnyAsync(a => a.Id == id && a.Access.Any(x => x.PersonId == personId), ct)) return NotFound();
        var outcome = await action.RunAsync(new SignedActionRequest(requestId, signedXml, User.Iin()!, Kind, id, User.Identity!.Name!),
            async (c, ct) =>
            {
                var application = await c.Db.Applications.Include(a => a.StopList).SingleAsync(a => a.Id == id, ct);
                var referral = await c.Db.Referrals.SingleOrDefaultAsync(r => r.ApplicationId == id && r.Status == ReferralStatus.Active, ct)
                    ?? throw new DomainException("referral.none", NoReferral);
                // The signed request names the referral: a decline signed for an earlier one does not apply to this one.
                if (SignedFields.Read(c.Request.SignedXml, "referral") != referral.Number) throw SignedFields.Mismatch();
                var calendar = await calendars.GetAsync(ct);
                var until = calendar.EndOfNthWorkingDayAfter(c.Now, Domain.Rules.PortalRules.StopListWorkingDays);
                application.DeclineReferral(referral, c.Now, until, c.Actor, c.Request.SignedXml);
                await c.Db.SaveChangesAsync(ct);
                await c.Db.ReturnReferralSeatAsync(referral, c.Now, c.Actor, ct);
                await c.Db.SaveChangesAsync(ct);
                // A state seat that comes back goes to the next children in the queue (StateSeatOffers).
                await offers.OfferReturnedSeatAsync(referral.OrganisationId, referral.BirthYear, c.Now, ct);
                await Outbox.ReferralDeclinedAsync(c.Db, referral.Id, until, ct);
                return new LocalizedText(
                    "Вы отказались от направления № {0}. Заявление возвращено в очередь на прежнее место; стоп-лист до {1}.", referral.Number, AlmatyTime.Format(until));
            }, ct);
        if (outcome.Done) afterCommit.NotificationsWritten();
        TempData[outcome.Done ? "Message" : "Error"] = lang.Of(outcome.Text);
        return Redirect($"/applications/{id}");
    }

    private static readonly LocalizedText NoReferral = new("У заявления нет действующего направления.");
}
