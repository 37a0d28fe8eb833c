using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

/// The public page of a release (counts, the seed's hash then the seed) and its anonymised
/// allocation document: no personal data, open to everyone.
[AllowAnonymous]
[Route("releases/{id:long}")]
public sealed class PublicReleasesController(ReleaseStats stats, AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(long id, CancellationToken ct) =>
        await stats.ForAsync(id, ct) is { } summary ? View("~/Features/Releases/Views/PublicIndex.cshtml", summary) : NotFound();

    [HttpGet("allocation.json")]
    public async Task<IActionResult> Document(long id, CancellationToken ct)
    {
        var json = await db.Releases.AsNoTracking().Where(r => r.Id == id && r.Status == ReleaseStatus.Allocated)
            .Select(r => r.DocumentJson).SingleOrDefaultAsync(ct);
        return json is null ? NotFound() : File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"release-{id}-allocation.json");
    }
}
