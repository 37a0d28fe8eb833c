using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.Shared;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Audit;

public sealed record AuditFilter(string? Who, string? Action, long? ApplicationId, string? RegistrationNumber, DateOnly? From, DateOnly? To, int? Page = null)
{
    public IReadOnlyDictionary<string, string?> Query => new Dictionary<string, string?>
    {
        ["who"] = Who, ["action"] = Action, ["applicationId"] = ApplicationId?.ToString(CultureInfo.InvariantCulture),
        ["registrationNumber"] = RegistrationNumber, ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

public sealed record AuditRow(DateTimeOffset At, string ActorIin, string ActorName, string Action, long? ApplicationId,
    string? RegistrationNumber, string? Details, string? RemoteAddress);

public sealed record AuditPage(AuditFilter Filter, IReadOnlyList<AuditRow> Rows, ListPage Paging);

/// The administrator's search of the audit log: who, what, which application, which days.
[Authorize(Policy = Policies.Administrator)]
[Route("admin/audit")]
public sealed class AuditController(AppDbContext db) : Controller
{
    public const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Who))
        {
            var who = filter.Who.Trim();
            var pattern = "%" + who.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            entries = entries.Where(e => e.ActorIin == who || EF.Functions.ILike(e.ActorName, pattern));
        }
        if (!string.IsNullOrWhiteSpace(filter.Action)) entries = entries.Where(e => e.Action == filter.Action);
        if (filter.ApplicationId is { } id) entries = entries.Where(e => e.ApplicationId == id);
        if (!string.IsNullOrWhiteSpace(filter.RegistrationNumber))
        {
            var number = filter.RegistrationNumber.Trim().ToUpperInvariant();
            entries = entries.Where(e => db.Applications.Any(a => a.Id == e.ApplicationId && a.RegistrationNumber == number));
        }
        if (filter.From is { } from) { var f = AlmatyTime.FromLocal(from, TimeOnly.MinValue); entries = entries.Where(e => e.At >= f); }
        if (filter.To is { } to) { var t = AlmatyTime.EndOfDay(to); entries = entries.Where(e => e.At <= t); }
        var paging = ListPage.Of(filter.Page, PageSize, await entries.CountAsync(ct), "/admin/audit", filter.Query);
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(PageSize)
            .Select(e => new AuditRow(e.At, e.ActorIin, e.ActorName, e.Action, e.ApplicationId,
                db.Applications.Where(a => a.Id == e.ApplicationId).Select(a => a.RegistrationNumber).FirstOrDefault(), e.Details, e.RemoteAddress))
            .ToListAsync(ct);
        ViewData["AdminSection"] = "audit";
        return View("~/Features/Admin/Audit/Views/Index.cshtml", new AuditPage(filter, rows, paging));
    }
}
