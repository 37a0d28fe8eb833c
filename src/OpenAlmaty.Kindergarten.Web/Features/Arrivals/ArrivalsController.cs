using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Arrivals;

/// "Мой детский сад": the referrals to the organisation and "Ребёнок прибыл" (зачисление).
[Authorize(Policy = Policies.Kindergarten)]
[Route("kindergarten")]
public sealed class ArrivalsController(ArrivalService arrivals, AppDbContext db, Lang lang, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? organisation, CancellationToken ct)
    {
        var scope = await arrivals.ScopeAsync(User, ct);
        if (scope is null) return Forbid();
        var organisations = scope.AnyOrganisation ? await OrganisationsAsync(ct) : [];
        var chosen = scope.AnyOrganisation ? organisation : scope.OrganisationId;
        if (chosen is null || (scope.AnyOrganisation && organisations.All(o => o.Id != chosen)))
            return View(ArrivalsPage.PickerOnly(organisations, clock.GetUtcNow()));
        var page = await arrivals.PageAsync(chosen.Value, ct);
        return View(page with { Organisations = organisations });
    }

    [HttpPost("referrals/{id:long}/arrival")]
    public async Task<IActionResult> Confirm(long id, CancellationToken ct)
    {
        var scope = await arrivals.ScopeAsync(User, ct);
        if (scope is null) return Forbid();
        var result = await arrivals.ConfirmAsync(id, scope, User.Identity?.Name ?? "сотрудник", ct);
        if (result.Outcome == ArrivalOutcome.NotFound) return NotFound();
        TempData["arrival-outcome"] = result.Outcome.ToString();
        TempData["arrival-message"] = lang.Of(result.Message);
        var organisation = scope.AnyOrganisation
            ? await db.Referrals.Where(r => r.Id == id).Select(r => (int?)r.OrganisationId).SingleOrDefaultAsync(ct)
            : null;
        return Redirect(organisation is null ? "/kindergarten" : $"/kindergarten?organisation={organisation}");
    }

    private Task<List<OrganisationOption>> OrganisationsAsync(CancellationToken ct) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.NameRu).Select(o => new OrganisationOption(o.Id, o.NameRu, o.NameKk)).ToListAsync(ct);
}
