using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Reviews;

/// "Проверка документов": the staff desk for parenthood and privilege confirmations.
[Authorize(Policy = Policies.Admin)]
[Route("admin/reviews")]
public sealed class ReviewsController(StaffScope scope, ReviewQueries queries, ReviewActions actions, AuditLog audit, Lang<ReviewsTexts> lang) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!(await scope.CurrentAsync(ct)).Granted) return Forbid();
        var rows = await queries.ListAsync(ct);
        // Staff see children's and parents' names and documents here: the look-up is audited.
        await audit.RecordAsync(AuditLog.Actions.ViewReviews, null, $"{rows.Count} waiting", ct);
        ViewData["AdminSection"] = "reviews";
        return View("~/Features/Admin/Reviews/Views/Index.cshtml", rows);
    }

    [HttpPost("{id:long}/{kind}")]
    public async Task<IActionResult> Act(long id, string kind, string? reason, DateOnly? validUntil, long? personId, string? back,
        CancellationToken ct)
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
        return Redirect(back == "application" ? $"/admin/applications/{id}" : "/admin/reviews");
    }
}
