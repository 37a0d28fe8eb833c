using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.Kindergarten.Web.Auth;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class AdminHomeController(StaffScope scope, Reviews.ReviewQueries reviews) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var current = await scope.CurrentAsync(ct);
        if (!current.Granted) return Forbid();
        ViewData["Reviews"] = await reviews.CountsAsync(ct);
        return View("~/Features/Admin/Views/Index.cshtml", current);
    }
}
