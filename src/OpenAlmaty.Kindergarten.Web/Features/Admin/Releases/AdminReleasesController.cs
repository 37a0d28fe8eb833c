using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Releases;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Releases;

/// Release rounds for education staff: list, create (with pools from their scope), counts.
/// Counts only: no child is named on these pages.
[Authorize(Policy = Policies.Admin)]
[Route("admin/releases")]
public sealed class AdminReleasesController(AppDbContext db, StaffScope scope, ReleaseCreator creator, ReleaseStats stats, Lang<ReleasesTexts> lang,
    TimeProvider clock) : Controller
{
    public const int FormLines = 6;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var organisations = await scope.OrganisationsAsync(ct);
        var releases = await db.Releases.AsNoTracking()
            .Where(r => r.Pools.Any(p => organisations.Any(o => o.Id == p.OrganisationId)))
            .OrderByDescending(r => r.OpensAt)
            .Select(r => new ReleaseRow(r.Id, r.Title, r.Rule, r.Status, r.OpensAt, r.ClosesAt, r.Pools.Sum(p => p.Seats),
                db.ReleaseRequests.Count(q => q.ReleaseId == r.Id && q.SupersededAt == null)))
            .Take(200).ToListAsync(ct);
        return View("~/Features/Admin/Releases/Views/Index.cshtml", releases);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => View("~/Features/Admin/Releases/Views/New.cshtml", await FormAsync(new ReleaseForm(), ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(ReleaseForm form, CancellationToken ct)
    {
        var lines = form.Lines();
        if (!form.TryWindow(out var opens, out var closes) || lines is null)
        {
            return View("~/Features/Admin/Releases/Views/New.cshtml", await FormAsync(form, ct, lang["Проверьте даты, время и строки с местами."]));
        }
        try
        {
            var release = await creator.CreateAsync(form.Title ?? "", form.Rule, opens, closes, lines, User.Identity?.Name ?? "сотрудник", ct);
            TempData["Message"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, lang["Распределение «{0}» создано."], release.Title);
            return Redirect($"/admin/releases/{release.Id}");
        }
        catch (DomainException e)
        {
            return View("~/Features/Admin/Releases/Views/New.cshtml", await FormAsync(form, ct, lang.Of(e.Text)));
        }
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var organisations = await scope.OrganisationsAsync(ct);
        if (!await db.ReleasePools.AnyAsync(p => p.ReleaseId == id && organisations.Any(o => o.Id == p.OrganisationId), ct)) return NotFound();
        return View("~/Features/Admin/Releases/Views/Show.cshtml", await stats.ForAsync(id, ct));
    }

    private async Task<ReleaseFormPage> FormAsync(ReleaseForm form, CancellationToken ct, string? error = null)
    {
        var organisations = await (await scope.OrganisationsAsync(ct)).Where(o => o.IsActive).OrderBy(o => o.NameRu)
            .Select(o => new Arrivals.OrganisationOption(o.Id, o.NameRu, o.NameKk)).ToListAsync(ct);
        return new ReleaseFormPage(form, organisations, Seats.SeatsPage.BirthYears(clock.GetUtcNow()), error);
    }
}

public sealed record ReleaseRow(long Id, string Title, AllocationRule Rule, ReleaseStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    int Seats, int Requests);

public sealed record ReleaseFormPage(ReleaseForm Form, IReadOnlyList<Arrivals.OrganisationOption> Organisations, IReadOnlyList<int> BirthYears, string? Error);

/// The form as posted: dates and times in Almaty, and up to six pool lines (empty ones ignored).
public sealed class ReleaseForm
{
    public string? Title { get; set; }
    public AllocationRule Rule { get; set; } = AllocationRule.QueueOrder;
    public DateOnly? OpensDate { get; set; }
    public TimeOnly? OpensTime { get; set; }
    public DateOnly? ClosesDate { get; set; }
    public TimeOnly? ClosesTime { get; set; }
    public int?[] Organisation { get; set; } = new int?[AdminReleasesController.FormLines];
    public int?[] BirthYear { get; set; } = new int?[AdminReleasesController.FormLines];
    public int?[] Seats { get; set; } = new int?[AdminReleasesController.FormLines];

    public bool TryWindow(out DateTimeOffset opens, out DateTimeOffset closes)
    {
        opens = closes = default;
        if (OpensDate is not { } od || OpensTime is not { } ot || ClosesDate is not { } cd || ClosesTime is not { } ct) return false;
        opens = AlmatyTime.FromLocal(od, ot);
        closes = AlmatyTime.FromLocal(cd, ct);
        return true;
    }

    /// Null when a line is half filled or too many lines came.
    public List<PoolLine>? Lines()
    {
        if (Organisation.Length > Release.MaxPools || BirthYear.Length != Organisation.Length || Seats.Length != Organisation.Length) return null;
        var lines = new List<PoolLine>();
        for (var i = 0; i < Organisation.Length; i++)
        {
            if (Organisation[i] is null && Seats[i] is null) continue;
            if (Organisation[i] is not { } org || BirthYear[i] is not { } year || Seats[i] is not { } seats) return null;
            lines.Add(new PoolLine(org, year, seats));
        }
        return lines;
    }

    public string Value(int?[] values, int i) => i < values.Length ? values[i]?.ToString(CultureInfo.InvariantCulture) ?? "" : "";
}
