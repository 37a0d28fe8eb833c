using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Shared;
using OpenAlmaty.Kindergarten.Web.Localization;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.Attach;

public sealed record InvitationPage(long ApplicationId, string RegistrationNumber, Guid? RequestId, string? XmlToSign, string? Code, DateTimeOffset? ExpiresAt);

/// "Пригласить второго родителя": the parent who filed signs a request and gets a one-time code
/// to hand over; valid Attach:InvitationDays days (3 by default). Only the applicant may invite.
[Authorize(Policy = Policies.Parent)]
[Route("applications/{id:long}/invitation")]
public sealed class InvitationController(AppDbContext db, SignedRequests signedRequests, IConfiguration config,
    TimeProvider clock, Lang lang) : Controller
{
    public const string Kind = "attach-invitation";

    [HttpGet("")]
    public async Task<IActionResult> Prepare(long id, CancellationToken ct)
    {
        var number = await OwnNumberAsync(id, ct);
        if (number is null) return NotFound();
        var (requestId, xml) = await signedRequests.PrepareAsync(User.Iin()!, Kind, id, new Dictionary<string, string>
        {
            ["registration"] = number,
            ["days"] = Days.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ct);
        return View("~/Features/Attach/Views/Invitation.cshtml", new InvitationPage(id, number, requestId, xml, null, null));
    }

    [HttpPost("")]
    public async Task<IActionResult> Create(long id, Guid requestId, string? signedXml, CancellationToken ct)
    {
        var number = await OwnNumberAsync(id, ct);
        if (number is null) return NotFound();
        try
        {
            var verified = await signedRequests.VerifyAsync(requestId, signedXml ?? "", User.Iin()!, ct);
            if (verified.Kind != Kind || verified.ApplicationId != id) throw SignedFields.Mismatch();
            var now = clock.GetUtcNow();
            var code = AttachInvitation.NewCode();
            var expires = now.AddDays(Days);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var application = await db.Applications.SingleAsync(a => a.Id == id, ct);
            var person = await db.People.SingleAsync(p => p.Id == User.PersonId(), ct);
            application.RecordInvitation(now, person.FullName, expires, verified.SignedXml);
            db.Set<AttachInvitation>().Add(new AttachInvitation(id, code, person.Id, now, expires));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            // Shown once: only its hash is kept.
            return View("~/Features/Attach/Views/Invitation.cshtml", new InvitationPage(id, number, null, null, code, expires));
        }
        catch (SignatureRejectedException e)
        {
            TempData["Error"] = lang.Of(e.Reason);
        }
        catch (DomainException e)
        {
            TempData["Error"] = lang.Of(e.Text);
        }
        return Redirect($"/applications/{id}");
    }

    private int Days => Math.Clamp(config.GetValue("Attach:InvitationDays", 3), 1, 30);

    /// The registration number when the signed-in person filed this application (and it is still
    /// in the queue); otherwise null, and the caller answers 404.
    private Task<string?> OwnNumberAsync(long id, CancellationToken ct)
    {
        var personId = User.PersonId();
        return db.Applications.AsNoTracking()
            .Where(a => a.Id == id && a.ApplicantId == personId && (a.Status == ApplicationStatus.Queued || a.Status == ApplicationStatus.Notified
                || a.Status == ApplicationStatus.Referred))
            .Select(a => a.RegistrationNumber).SingleOrDefaultAsync(ct);
    }
}
