using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Applications;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.CallCentre;

public sealed record CallCentreResults(string? Q, SearchKind Kind, IReadOnlyList<CallCentreHit> Hits);

public sealed record CallSummary(ApplicationPage Page, bool Revealed);

/// The operator's desk (Open Almaty 1308): find, read aloud, note the call. Operators change
/// nothing else; every look-up is in the audit log.
[Authorize(Policy = Policies.CallCentre)]
[Route("callcentre")]
public sealed class CallCentreController(CallCentreSearch search, ApplicationPageQuery pages, AppDbContext db, AuditLog audit,
    TimeProvider clock, Lang<CallCentreTexts> lang) : Controller
{
    private const string Views = "~/Features/CallCentre/Views/";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q)) return View(Views + "Index.cshtml", new CallCentreResults(q, SearchKind.None, []));
        var kind = CallCentreSearch.KindOf(q, out _);
        var hits = await search.FindAsync(q, ct);
        await audit.RecordAsync(AuditLog.Actions.Search, hits.Count == 1 ? hits[0].Id : null,
            $"{kind}: «{q.Trim()}» → {hits.Count}", ct);
        if (hits.Count == 1) return Redirect($"/callcentre/{hits[0].Id}");
        return View(Views + "Index.cshtml", new CallCentreResults(q, kind, hits));
    }

    [HttpGet("{id:long}")]
    public Task<IActionResult> Show(long id, CancellationToken ct) => SummaryAsync(id, revealed: false, ct);

    /// Showing the full IINs and phones is a separate, audited step.
    [HttpPost("{id:long}/reveal")]
    public Task<IActionResult> Reveal(long id, CancellationToken ct) => SummaryAsync(id, revealed: true, ct);

    [HttpPost("{id:long}/note")]
    public async Task<IActionResult> Note(long id, string? note, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return NotFound();
        note = Shared.PlainText.Normalize(note) ?? "";
        if (!Shared.PlainText.IsClean(note, multiline: true))
        {
            TempData["Error"] = lang.Of(Shared.PlainText.Refused);
            return Redirect($"/callcentre/{id}");
        }
        try
        {
            application.AddCallNote(clock.GetUtcNow(), User.Identity!.Name!, note.Length > 1500 ? note[..1500] : note);
            audit.Add(AuditLog.Actions.CallNote, id, null);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = lang["Заметка о звонке сохранена."];
        }
        catch (DomainException e)
        {
            TempData["Error"] = lang.Of(e.Text);
        }
        return Redirect($"/callcentre/{id}");
    }

    private async Task<IActionResult> SummaryAsync(long id, bool revealed, CancellationToken ct)
    {
        var page = await pages.PageAsync(db.Applications.AsNoTracking().Where(a => a.Id == id), ct);
        if (page is null) return NotFound();
        await audit.RecordAsync(revealed ? AuditLog.Actions.Reveal : AuditLog.Actions.ViewApplication, id, null, ct);
        return View(Views + "Show.cshtml", new CallSummary(page, revealed));
    }
}
