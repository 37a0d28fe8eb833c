using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.Shared;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Organisations;

/// Preschool organisations: district staff see and change only their district's.
[Authorize(Policy = Policies.Admin)]
[Route("admin/organisations")]
public sealed class OrganisationsController(AppDbContext db, StaffScope scope, AuditLog audit, IConfiguration config, Lang<OrganisationsTexts> lang) : Controller
{
    private const string Views = "~/Features/Admin/Organisations/Views/";
    public const int PageSize = 50;
    /// Created by the W2Ui migration: ICU, Russian, numbers compared as numbers.
    public const string NaturalCollation = "natural_ru";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] OrganisationFilter filter, CancellationToken ct)
    {
        var current = await scope.CurrentAsync(ct);
        if (!current.Granted) return Forbid();
        var query = (await scope.OrganisationsAsync(ct)).AsNoTracking();
        if (filter.District is { } d) query = query.Where(o => o.District == d);
        if (filter.Type is { } t) query = query.Where(o => o.Type == t);
        if (filter.Language is { } l) query = query.Where(o => o.Language == l);
        if (!filter.Inactive) query = query.Where(o => o.IsActive);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(o => EF.Functions.ILike(o.NameRu, pattern) || EF.Functions.ILike(o.NameKk, pattern) || EF.Functions.ILike(o.Address, pattern));
        }
        var total = await query.CountAsync(ct);
        var paging = ListPage.Of(filter.Page, PageSize, total, "/admin/organisations", filter.Query);
        // Numbered names sort as numbers («№ 2» before «№ 12»): an ICU collation with numeric ordering.
        var rows = await query.OrderBy(o => EF.Functions.Collate(o.NameRu, NaturalCollation)).ThenBy(o => o.Id)
            .Skip(paging.Skip).Take(PageSize)
            .Select(o => new OrganisationRow(o.Id, o.NameRu, o.NameKk, o.Type, o.Language, o.District, o.Address, o.IsActive,
                db.Seats.Where(s => s.OrganisationId == o.Id).Sum(s => (int?)s.FreeSeats) ?? 0))
            .ToListAsync(ct);
        ViewData["AdminSection"] = "orgs";
        return View(Views + "Index.cshtml", new OrganisationList(filter, rows, current.District, paging));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        var current = await scope.CurrentAsync(ct);
        if (!current.Granted) return Forbid();
        return Editor(new OrganisationForm { District = current.District ?? District.Almaly }, current.District, null);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(OrganisationForm form, CancellationToken ct)
    {
        var current = await scope.CurrentAsync(ct);
        if (!current.Granted) return Forbid();
        if (current.District is { } own) form.District = own;
        try
        {
            var (lat, lon) = form.Coordinates();
            var organisation = new PreschoolOrganisation(form.Type, form.NameRu, form.NameKk, form.Language, form.District,
                form.Address, form.Phones, form.Website, lat, lon);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AuditLog.Actions.Organisation, null, $"Добавлена организация #{organisation.Id} «{organisation.NameRu}»", ct);
            TempData["Message"] = lang["Организация добавлена."];
            return Redirect($"/admin/organisations/{organisation.Id}");
        }
        catch (DomainException e)
        {
            return Editor(form, current.District, lang.Of(e.Text));
        }
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var organisation = await (await scope.OrganisationsAsync(ct)).AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return NotFound();
        return Editor(OrganisationForm.From(organisation), (await scope.CurrentAsync(ct)).District, null);
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, OrganisationForm form, CancellationToken ct)
    {
        var organisation = await (await scope.OrganisationsAsync(ct)).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return NotFound();
        var district = (await scope.CurrentAsync(ct)).District;
        form.Id = id;
        if (district is { } own) form.District = own;
        try
        {
            var (lat, lon) = form.Coordinates();
            organisation.Update(form.NameRu, form.NameKk, form.Language, form.District, form.Address, form.Phones, form.Website, lat, lon);
            audit.Add(AuditLog.Actions.Organisation, null, $"Изменена организация #{id} «{organisation.NameRu}»");
            await db.SaveChangesAsync(ct);
            TempData["Message"] = lang["Изменения сохранены."];
            return Redirect($"/admin/organisations/{id}");
        }
        catch (DomainException e)
        {
            return Editor(form, district, lang.Of(e.Text));
        }
    }

    [HttpPost("{id:int}/active")]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken ct)
    {
        var organisation = await (await scope.OrganisationsAsync(ct)).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return NotFound();
        if (active) organisation.Activate(); else organisation.Deactivate();
        audit.Add(AuditLog.Actions.Organisation, null, $"{(active ? "Возобновлена" : "Деактивирована")} организация #{id} «{organisation.NameRu}»");
        await db.SaveChangesAsync(ct);
        TempData["Message"] = active ? lang["Организация снова принимает детей."]
            : lang["Организация деактивирована: её нет в списках выбора."];
        return Redirect($"/admin/organisations/{id}");
    }

    private ViewResult Editor(OrganisationForm form, District? scopeDistrict, string? error)
    {
        ViewData["AdminSection"] = "orgs";
        if (error is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(Views + "Form.cshtml", new OrganisationEditor(form, scopeDistrict, config["Map:TileUrl"], error));
    }
}
