using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Shared;
using OpenAlmaty.Kindergarten.Web.Localization;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.Attach;

public sealed record AttachPage(string? Number, string? ChildIin, Guid? RequestId, string? XmlToSign, string? Code = null);

/// "Прикрепление заявления к ИИН-у родителя": the second parent enters the registration number and
/// the child's IIN, signs, and the application appears in their journal too.
[Authorize(Policy = Policies.Parent)]
[Route("applications/attach")]
public sealed class AttachController(AppDbContext db, SignedRequests signedRequests, SignedAction action, AttachRules rules, Lang<AttachTexts> lang) : Controller
{
    public const string Kind = "attach";

    /// The same answer for a wrong number and a wrong IIN: the form tells no stranger which one exists.
    private static readonly LocalizedText NotFoundText = new(
        "Заявление с таким регистрационным номером и ИИН ребёнка не найдено. Проверьте оба значения.");

    [HttpGet("")]
    public IActionResult Form() => View(new AttachPage(null, null, null, null));

    [HttpPost("review")]
    public async Task<IActionResult> Review(string? number, string? childIin, string? code, CancellationToken ct)
    {
        var found = await FindAsync(number, childIin, ct);
        if (found is null)
        {
            ModelState.AddModelError("", lang.Of(NotFoundText));
            return View("Form", new AttachPage(number, childIin, null, null));
        }
        if (await db.ApplicationAccess.AnyAsync(x => x.ApplicationId == found.Value && x.PersonId == User.PersonId(), ct))
        {
            TempData["Message"] = lang["Это заявление уже есть в вашем журнале."];
            return Redirect($"/applications/{found.Value}");
        }
        if (await rules.RefusalAsync(User.Iin()!, childIin!.Trim(), found.Value, code, ct) is { } refusal)
        {
            ModelState.AddModelError("", lang.Of(refusal));
            return View("Form", new AttachPage(number, childIin, null, null, code));
        }
        var (requestId, xml) = await signedRequests.PrepareAsync(User.Iin()!, Kind, found.Value, new Dictionary<string, string>
        {
            ["registration"] = number!.Trim().ToUpperInvariant(),
            ["childIin"] = childIin.Trim(),
            ["invitation"] = AttachInvitation.Normalize(code),
        }, ct);
        return View("Form", new AttachPage(number, childIin, requestId, xml, code));
    }

    [HttpPost("")]
    public async Task<IActionResult> Attach(Guid requestId, string? signedXml, CancellationToken ct)
    {
        long? attached = null;
        var outcome = await action.RunAsync(new SignedActionRequest(requestId, signedXml, User.Iin()!, Kind, null, User.Identity!.Name!),
            async (c, ct) =>
            {
                var signed = c.Request.SignedXml;
                if (c.Request.ApplicationId is null) throw SignedFields.Mismatch();
                var applicationId = await FindAsync(SignedFields.Read(signed, "registration"), SignedFields.Read(signed, "childIin"), ct);
                if (applicationId != c.Request.ApplicationId) throw new DomainException("attach.not-found", NotFoundText);
                var application = await c.Db.Applications.Include(a => a.Access).SingleAsync(a => a.Id == applicationId, ct);
                var parent = await c.Db.People.SingleAsync(p => p.Id == User.PersonId(), ct);
                // Only a parent by the registry, or the holder of the family's one-time invitation.
                await rules.RequireAsync(parent.Iin, parent.Id, SignedFields.Read(signed, "childIin")!, application.Id,
                    SignedFields.Read(signed, "invitation"), ct);
                application.AttachTo(parent, c.Now, signed);
                attached = application.Id;
                return new LocalizedText("Заявление {0} прикреплено к вашему ИИН.", application.RegistrationNumber);
            }, ct);
        TempData[outcome.Done ? "Message" : "Error"] = lang.Of(outcome.Text);
        return Redirect(outcome.Done ? $"/applications/{attached}" : "/applications/attach");
    }

    private async Task<long?> FindAsync(string? number, string? childIin, CancellationToken ct)
    {
        var n = number?.Trim().ToUpperInvariant();
        var iin = childIin?.Trim();
        if (string.IsNullOrEmpty(n) || string.IsNullOrEmpty(iin)) return null;
        var id = await db.Applications.Where(a => a.RegistrationNumber == n && a.Child!.Iin == iin)
            .Select(a => (long?)a.Id).SingleOrDefaultAsync(ct);
        return id;
    }
}
