using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Staff;

public sealed record StaffGrantForm(string? Iin, string? FullName, StaffRole Role, District? District, int? OrganisationId);

public sealed record StaffRow(int Id, string Iin, string FullName, StaffRole Role, District? District, string? Organisation,
    DateTimeOffset GrantedAt, string GrantedBy, DateTimeOffset? RevokedAt, string? RevokedBy);

public sealed record StaffPage(IReadOnlyList<StaffRow> Rows, IReadOnlyList<(int Id, string Name)> Organisations, StaffGrantForm Form, string? Error);

/// Staff accounts: a role granted to an IIN with its scope; revoked, never deleted. A grant or a
/// revocation ends the person's sessions at once (Auth/Sessions): they sign in again with the
/// roles as they are now.
[Authorize(Policy = Policies.Administrator)]
[Route("admin/staff")]
public sealed class StaffController(AppDbContext db, AuditLog audit, TimeProvider clock, Lang<StaffTexts> lang, Sessions sessions) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => PageAsync(new StaffGrantForm(null, null, StaffRole.EducationStaff, null, null), null, ct);

    [HttpPost("")]
    public async Task<IActionResult> Grant(StaffGrantForm form, CancellationToken ct)
    {
        if (!Iin.TryParse(form.Iin, out var iin, out var error)) return await PageAsync(form, lang.Of(error), ct);
        if (!Shared.PlainText.IsClean(form.FullName)) return await PageAsync(form, lang.Of(Shared.PlainText.Refused), ct);
        form = form with { FullName = Shared.PlainText.Normalize(form.FullName) };
        var name = await db.People.Where(p => p.Iin == iin.Value)
            .Select(p => p.LastName + " " + p.FirstName + (p.MiddleName == null ? "" : " " + p.MiddleName)).FirstOrDefaultAsync(ct)
            ?? form.FullName?.Trim();
        if (string.IsNullOrWhiteSpace(name))
            return await PageAsync(form, lang["Укажите ФИО: этот человек ещё не входил на портал."], ct);
        if (form.Role == StaffRole.KindergartenStaff && form.OrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct))
            return await PageAsync(form, lang["Организация не найдена."], ct);
        try
        {
            var member = new StaffMember(iin.Value, name, form.Role,
                form.Role is StaffRole.EducationStaff ? form.District : null,
                form.Role is StaffRole.KindergartenStaff ? form.OrganisationId : null, clock.GetUtcNow(), User.Identity!.Name!);
            db.StaffMembers.Add(member);
            audit.Add(AuditLog.Actions.Staff, null, $"Выдана роль {form.Role} ИИН {iin.Value} ({name}), район {member.District}, организация {member.OrganisationId}");
            await db.SaveChangesAsync(ct);
            await sessions.EndAllAsync(iin.Value, "staff.grant", ct);
        }
        catch (DomainException e)
        {
            return await PageAsync(form, lang.Of(e.Text), ct);
        }
        TempData["Message"] = lang["Роль выдана."];
        return Redirect("/admin/staff");
    }

    [HttpPost("{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id, CancellationToken ct)
    {
        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (member is null) return NotFound();
        member.Revoke(clock.GetUtcNow(), User.Identity!.Name!);
        audit.Add(AuditLog.Actions.Staff, null, $"Отозвана роль {member.Role} ИИН {member.Iin} ({member.FullName})");
        await db.SaveChangesAsync(ct);
        await sessions.EndAllAsync(member.Iin, "staff.revoke", ct);
        TempData["Message"] = lang["Роль отозвана."];
        return Redirect("/admin/staff");
    }

    private async Task<IActionResult> PageAsync(StaffGrantForm form, string? error, CancellationToken ct)
    {
        var rows = await db.StaffMembers.AsNoTracking().OrderBy(s => s.RevokedAt != null).ThenBy(s => s.FullName)
            .Select(s => new StaffRow(s.Id, s.Iin, s.FullName, s.Role, s.District,
                db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.NameRu).FirstOrDefault(),
                s.GrantedAt, s.GrantedBy, s.RevokedAt, s.RevokedBy))
            .ToListAsync(ct);
        var organisations = (await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.NameRu)
            .Select(o => new { o.Id, o.NameRu }).ToListAsync(ct)).Select(o => (o.Id, o.NameRu)).ToList();
        ViewData["AdminSection"] = "staff";
        if (error is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("~/Features/Admin/Staff/Views/Index.cshtml", new StaffPage(rows, organisations, form, error));
    }
}
