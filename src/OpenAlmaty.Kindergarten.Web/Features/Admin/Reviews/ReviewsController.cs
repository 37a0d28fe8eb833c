using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Reviews;

/// "Проверка документов": the staff desk for parenthood and privilege confirmations.
[Authorize(Policy = Policies.Admin)]
[Route("admin/reviews")]
public sealed class ReviewsController(StaffScope scope, ReviewQueries queries, ReviewActions actions, AuditLog audit, Lang<ReviewsTexts> lang) : Controller
{
    /// <paramref name="district"/> (in the URL, city-wide staff only) narrows the list to one district;
    /// district staff always see their own.
    [HttpGet("")]
    public async Task<IActionResult> Index(District? district, CancellationToken ct)
    {
        var current = await scope.CurrentAsync(ct);
        if (!current.Granted) return Forbid();
        var filter = current.CityWide && district is { } d && Enum.IsDefined(d) ? district : null;
        var rows = await queries.ListAsync(filter, ct);
        // Staff see children's and parents' names and documents here: the look-up is audited.
        await audit.RecordAsync(AuditLog.Actions.ViewReviews, null, filter is null ? $"{rows.Count} waiting" : $"{rows.Count} waiting in {filter}", ct);
        ViewData["AdminSection"] = "reviews";
        return View("~/Features/Admin/Reviews/Views/Index.cshtml",
            new ReviewDesk(rows, await queries.CountsAsync(ct), current.CityWide, filter));
    }

    [HttpPost("{id:long}/{kind}")]
    public async Task<IActionResult> Act(long id, string kind, string? reason, DateOnly? validUntil, long? personId, string? back,
        District? district, CancellationToken ct)
    {
        try
        {
            if (!await actions.ActAsync(id, kind, reason, validUntil, personId, User.Identity!.Name!, ct)) return NotFound();
            TempData["Message"] = lang["Сделано: "] + lang.Of(ReviewActions.Kinds[kind]).ToLowerInvariant() + ".";
        }
        catch (DomainException e)
        {
            TempData["Error"] = lang.Of(e.Text);
        }
        return Redirect(back == "application" ? $"/admin/applications/{id}"
            : district is { } d && Enum.IsDefined(d) ? $"/admin/reviews?district={d}" : "/admin/reviews");
    }
}

public sealed record ReviewDesk(IReadOnlyList<ReviewRow> Rows, ReviewCounts Counts, bool CityWide, District? Filter);
