using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

/// "Просмотр": the journal of the parent's applications and the application page.
[Authorize(Policy = Policies.Parent)]
[Route("applications")]
public sealed class ApplicationsController(ApplicationPageQuery query, AppDbContext db) : Controller
{
    private static readonly Dictionary<string, Func<JournalRow, IComparable?>> SortKeys = new()
    {
        ["number"] = r => r.RegistrationNumber,
        ["child"] = r => r.ChildName,
        ["iin"] = r => r.ChildIin,
        ["tson"] = r => r.TsonNumber,
        ["pep"] = r => r.PepNumber,
        ["queue"] = r => r.QueueNumber ?? int.MaxValue,
        ["applicant"] = r => r.ApplicantName,
        ["created"] = r => r.CreatedAt,
        ["status"] = r => (int)r.Status,
        ["privilege"] = r => (int)r.Privilege,
        ["birth"] = r => r.ChildBirthDate,
    };

    [HttpGet("")]
    public async Task<IActionResult> Journal(string? sort, bool desc, CancellationToken ct)
    {
        var rows = await query.JournalAsync(User.PersonId()!.Value, ct);
        var key = sort is not null && SortKeys.ContainsKey(sort) ? sort : "created";
        var ordered = desc ? rows.OrderByDescending(SortKeys[key]) : rows.OrderBy(SortKeys[key]);
        return View(new JournalPage(ordered.ToList(), key, desc));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var page = await query.PageAsync(id, User.PersonId()!.Value, ct);
        if (page is null) return NotFound();
        ViewData["Review"] = page.Review;
        return View(page);
    }

    [HttpGet("{id:long}/documents/{documentId:long}")]
    public async Task<IActionResult> Document(long id, long documentId, CancellationToken ct)
    {
        var personId = User.PersonId()!.Value;
        var document = await db.ApplicationDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.ApplicationId == id)
            .Where(d => db.ApplicationAccess.Any(x => x.ApplicationId == d.ApplicationId && x.PersonId == personId))
            .Select(d => new { d.Content, d.ContentType, d.FileName })
            .SingleOrDefaultAsync(ct);
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }
}
