using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Arrivals;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Seats;

/// Free seats by age group: kindergarten staff for their organisation, education staff for any.
public sealed class SeatsController(SeatPublisher publisher, ArrivalService staff, AppDbContext db, Lang<SeatsTexts> lang, TimeProvider clock) : Controller
{
    [Authorize(Policy = Policies.Kindergarten)]
    [HttpGet("kindergarten/seats")]
    public async Task<IActionResult> Kindergarten(CancellationToken ct)
    {
        var scope = await staff.ScopeAsync(User, ct);
        if (scope is null) return Forbid();
        if (scope.AnyOrganisation) return Redirect("/admin/seats");
        return View("Index", await PageAsync(scope.OrganisationId, [], "/kindergarten/seats", ct));
    }

    [Authorize(Policy = Policies.Kindergarten)]
    [HttpPost("kindergarten/seats")]
    public async Task<IActionResult> PublishForKindergarten(int birthYear, int freeSeats, CancellationToken ct)
    {
        var scope = await staff.ScopeAsync(User, ct);
        if (scope is null || scope.OrganisationId is null) return Forbid();
        await PublishAsync(scope.OrganisationId.Value, birthYear, freeSeats, ct);
        return Redirect("/kindergarten/seats");
    }

    [Authorize(Policy = Policies.Admin)]
    [HttpGet("admin/seats")]
    public async Task<IActionResult> Admin(int? organisation, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.NameRu)
            .Select(o => new OrganisationOption(o.Id, o.NameRu, o.NameKk)).ToListAsync(ct);
        var chosen = organisations.Any(o => o.Id == organisation) ? organisation : null;
        return View("Index", await PageAsync(chosen, organisations, "/admin/seats", ct));
    }

    [Authorize(Policy = Policies.Admin)]
    [HttpPost("admin/seats")]
    public async Task<IActionResult> PublishForAny(int organisation, int birthYear, int freeSeats, CancellationToken ct)
    {
        await PublishAsync(organisation, birthYear, freeSeats, ct);
        return Redirect($"/admin/seats?organisation={organisation}");
    }

    private async Task PublishAsync(int organisationId, int birthYear, int freeSeats, CancellationToken ct)
    {
        var years = SeatsPage.BirthYears(clock.GetUtcNow());
        // "abc" or 99999999999 does not bind and arrives as 0: a binding error publishes nothing.
        if (!ModelState.IsValid || !years.Contains(birthYear) || freeSeats is < 0 or > 1000)
        {
            TempData["seats-error"] = lang["Проверьте год рождения и число мест (от 0 до 1000)."];
            return;
        }
        try
        {
            var result = await publisher.PublishAsync(organisationId, birthYear, freeSeats, User.Identity?.Name ?? "сотрудник", ct);
            TempData["seats-message"] = result.PriorityUntil is { } until
                ? string.Format(System.Globalization.CultureInfo.CurrentCulture, lang["Опубликовано: {0} мест для детей {1} г.р. Приоритетный выбор до {2}; уведомлено детей из очереди: {3}."], freeSeats, birthYear, AlmatyTime.Format(until), result.Offered)
                : string.Format(System.Globalization.CultureInfo.CurrentCulture, lang["Опубликовано: {0} мест для детей {1} г.р."], freeSeats, birthYear);
        }
        catch (DomainException e)
        {
            TempData["seats-error"] = lang.Of(e.Text);
        }
    }

    private async Task<SeatsPage> PageAsync(int? organisationId, IReadOnlyList<OrganisationOption> organisations, string action, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (organisationId is null) return new SeatsPage(null, null, OrganisationType.State, action, organisations, [], [], now);
        var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => new { o.NameRu, o.NameKk, o.Type }).SingleAsync(ct);
        var name = new LocalizedText(organisation.NameRu, organisation.NameKk);
        var seats = await db.Seats.AsNoTracking().Where(s => s.OrganisationId == organisationId).OrderBy(s => s.BirthYear)
            .Select(s => new SeatRow(s.BirthYear, s.FreeSeats, s.PriorityUntil, s.UpdatedAt, s.UpdatedBy)).ToListAsync(ct);
        var changes = await db.Set<SeatChange>().AsNoTracking().Where(c => c.OrganisationId == organisationId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(50).ToListAsync(ct);
        return new SeatsPage(organisationId, name, organisation.Type, action, organisations, seats, changes, now);
    }
}

public sealed record SeatRow(int BirthYear, int FreeSeats, DateTimeOffset? PriorityUntil, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record SeatsPage(int? OrganisationId, LocalizedText? OrganisationName, OrganisationType Type, string Action,
    IReadOnlyList<OrganisationOption> Organisations, IReadOnlyList<SeatRow> Seats, IReadOnlyList<SeatChange> Changes, DateTimeOffset Now)
{
    /// The age group the form starts on: the first group this organisation has seats for (staff
    /// come back to change what they published), else the children who turn three this year — the
    /// youngest a private kindergarten may take and the usual first group of a state one — never
    /// the babies under one that the list starts with.
    public int DefaultBirthYear
    {
        get
        {
            var years = BirthYears(Now);
            var published = Seats.Where(s => years.Contains(s.BirthYear)).OrderByDescending(s => s.FreeSeats > 0).Select(s => (int?)s.BirthYear).FirstOrDefault();
            return published ?? AlmatyTime.Today(Now).Year - PortalRules.PrivateMinimumAgeYears;
        }
    }

    /// A private kindergarten's seats have no priority window (RuleTexts.PrivateSeats).
    public LocalizedText Help => Type == OrganisationType.PrivateStateOrder ? RuleTexts.PrivateSeats : RuleTexts.StateSeatWindow;

    /// Children of preschool age: from one to six years old this year.
    public static IReadOnlyList<int> BirthYears(DateTimeOffset now)
    {
        var year = AlmatyTime.Today(now).Year;
        return [.. Enumerable.Range(year - 6, 6).Reverse()];
    }
}
