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

namespace OpenAlmaty.Kindergarten.Web.Features.Withdraw;

public sealed record WithdrawPage(long ApplicationId, string RegistrationNumber, string ChildName, Guid RequestId, string XmlToSign);

/// "Снять с очереди": asks for confirmation and a signature.
[Authorize(Policy = Policies.Parent)]
[Route("applications/{id:long}/withdraw")]
public sealed class WithdrawController(AppDbContext db, SignedRequests signedRequests, SignedAction action, Lang<WithdrawTexts> lang) : Controller
{
    public const string Kind = "withdraw";

    [HttpGet("")]
    public async Task<IActionResult> Confirm(long id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.Id == id && a.Access.Any(x => x.PersonId == User.PersonId()))
            .Select(a => new { a.RegistrationNumber, Child = a.Child!.LastName + " " + a.Child.FirstName, a.Status })
            .SingleOrDefaultAsync(ct);
        if (application is null) return NotFound();
        if (!application.Status.IsInQueue())
        {
            TempData["Error"] = lang["Снять с очереди можно только заявление, которое стоит в очереди."];
            return Redirect($"/applications/{id}");
        }
        var (requestId, xml) = await signedRequests.PrepareAsync(User.Iin()!, Kind, id, new Dictionary<string, string>
        {
            ["registration"] = application.RegistrationNumber,
            ["child"] = application.Child,
            ["action"] = "Снять с очереди",
        }, ct);
        return View(new WithdrawPage(id, application.RegistrationNumber, application.Child, requestId, xml));
    }

    [HttpPost("")]
    public async Task<IActionResult> Withdraw(long id, Guid requestId, string? signedXml, CancellationToken ct)
    {
        var personId = User.PersonId()!.Value;
        if (!await db.Applications.AnyAsync(a => a.Id == id && a.Access.Any(x => x.PersonId == personId), ct)) return NotFound();
        var outcome = await action.RunAsync(new SignedActionRequest(requestId, signedXml, User.Iin()!, Kind, id, User.Identity!.Name!),
            async (c, ct) =>
            {
                var application = await c.Db.Applications.SingleAsync(a => a.Id == id, ct);
                application.Withdraw(c.Now, c.Actor, c.Request.SignedXml);
                return new LocalizedText("Заявление снято с очереди.");
            }, ct);
        TempData[outcome.Done ? "Message" : "Error"] = lang.Of(outcome.Text);
        return Redirect($"/applications/{id}");
    }
}
