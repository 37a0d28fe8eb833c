using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.Kindergarten.Web.Auth;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Queue;

[Authorize(Policy = Policies.Admin)]
[Route("admin/queue")]
public sealed class QueueController(QueueListQuery query, StaffScope scope) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] QueueFilter filter, CancellationToken ct)
    {
        var current = await scope.CurrentAsync(ct);
        if (!current.Granted) return Forbid();
        ViewData["AdminSection"] = "queue";
        return View("~/Features/Admin/Queue/Views/Index.cshtml", await query.ListAsync(filter, current.District, ct));
    }
}
