using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Applications;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Applications;

/// An application as staff see it: the parent's page, the signed documents, the actions.
/// Out of the staff member's scope it does not exist (404).
[Authorize(Policy = Policies.Admin)]
[Route("admin/applications/{id:long}")]
public sealed class AdminApplicationController(AppDbContext db, StaffScope scope, ApplicationPageQuery pages,
    StaffActions actions, AuditLog audit, Lang<ApplicationsTexts> lang) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var scoped = (await scope.ApplicationsAsync(ct)).AsNoTracking().Where(a => a.Id == id);
        var page = await pages.PageAsync(scoped, ct);
        if (page is null) return NotFound();
        var signed = await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id && e.SignedXml != null)
            .OrderByDescending(e => e.At).Select(e => new SignedEventRow(e.Id, e.At, e.Kind, e.Actor)).ToListAsync(ct);
        await audit.RecordAsync(AuditLog.Actions.ViewApplication, id, null, ct);
        ViewData["AdminSection"] = "queue";
        return View("~/Features/Admin/Applications/Views/Show.cshtml", new AdminApplicationPage(page, signed));
    }

    /// The signed XML exactly as stored: shown as text, or downloaded as a file.
    [HttpGet("signed/{eventId:long}")]
    public async Task<IActionResult> Signed(long id, long eventId, bool download, CancellationToken ct)
    {
        var scoped = await scope.ApplicationsAsync(ct);
        var xml = await db.ApplicationEvents.AsNoTracking()
            .Where(e => e.Id == eventId && e.ApplicationId == id && scoped.Any(a => a.Id == id))
            .Select(e => e.SignedXml).SingleOrDefaultAsync(ct);
        if (xml is null) return NotFound();
        await audit.RecordAsync(AuditLog.Actions.ViewSignedDocument, id, $"event {eventId}", ct);
        var bytes = System.Text.Encoding.UTF8.GetBytes(xml);
        return download ? File(bytes, "application/xml", $"signed-{id}-{eventId}.xml") : File(bytes, "text/plain; charset=utf-8");
    }

    [HttpGet("documents/{documentId:long}")]
    public async Task<IActionResult> Document(long id, long documentId, CancellationToken ct)
    {
        var scoped = await scope.ApplicationsAsync(ct);
        var document = await db.ApplicationDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.ApplicationId == id && scoped.Any(a => a.Id == id))
            .Select(d => new { d.Content, d.ContentType, d.FileName }).SingleOrDefaultAsync(ct);
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }

    [HttpPost("actions/{kind}")]
    public async Task<IActionResult> Act(long id, string kind, string? reason, Privilege? privilege, CancellationToken ct)
    {
        try
        {
            if (!await actions.ActAsync(id, kind, reason, privilege, User.Identity!.Name!, ct)) return NotFound();
            TempData["Message"] = lang["Сделано: "] + lang.Of(StaffActions.Kinds[kind]).ToLowerInvariant() + ".";
        }
        catch (DomainException e)
        {
            TempData["Error"] = lang.Of(e.Text);
        }
        return Redirect($"/admin/applications/{id}");
    }
}
