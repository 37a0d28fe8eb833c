using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Features.Admin.Organisations;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.Shared;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Applications;

public sealed record ApplicationFilter(ApplicationStatus? Status, int? BirthYear, string? Q, int? Page = null)
{
    public IReadOnlyDictionary<string, string?> Query => new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString(), ["birthYear"] = BirthYear?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["q"] = Q,
    };
}

public sealed record ApplicationListRow(long Id, string RegistrationNumber, string ChildName, string ChildIin, int BirthYear,
    ApplicationStatus Status, DateTimeOffset CreatedAt);

public sealed record ApplicationList(ApplicationFilter Filter, IReadOnlyList<ApplicationListRow> Rows, ListPage Paging);

/// Every application in the staff member's scope, whatever its state (the queue shows only the
/// queued ones): by state, birth year, number, IIN or name, paged in the database.
[Authorize(Policy = Policies.Admin)]
[Route("admin/applications")]
public sealed class ApplicationListController(StaffScope scope, AuditLog audit) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ApplicationFilter filter, CancellationToken ct)
    {
        if (!(await scope.CurrentAsync(ct)).Granted) return Forbid();
        var query = (await scope.ApplicationsAsync(ct)).AsNoTracking();
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (filter.BirthYear is { } year) query = query.Where(a => a.BirthYear == year);
        var q = filter.Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            var pattern = "%" + q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            var number = q.ToUpperInvariant();
            query = query.Where(a => a.RegistrationNumber == number || a.Child!.Iin == q
                || EF.Functions.ILike(a.Child.LastName + " " + a.Child.FirstName, pattern));
            // A search by a person's number or name is a look-up of personal data: audited.
            await audit.RecordAsync(AuditLog.Actions.SearchApplications, null, q, ct);
        }
        var total = await query.CountAsync(ct);
        var paging = ListPage.Of(filter.Page, PageSize, total, "/admin/applications", filter.Query);
        // Registration numbers compare their serials as numbers («…9.1» before «…10.1»).
        var rows = await query.OrderBy(a => EF.Functions.Collate(a.RegistrationNumber, OrganisationsController.NaturalCollation)).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(PageSize)
            .Select(a => new ApplicationListRow(a.Id, a.RegistrationNumber, a.Child!.LastName + " " + a.Child.FirstName, a.Child.Iin,
                a.BirthYear, a.Status, a.CreatedAt))
            .ToListAsync(ct);
        ViewData["AdminSection"] = "applications";
        return View("~/Features/Admin/Applications/Views/Index.cshtml", new ApplicationList(filter, rows, paging));
    }
}
