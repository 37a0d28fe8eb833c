using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace OpenAlmaty.Kindergarten.Web.Features.FreeSeats;

/// The public page parents and journalists check: no sign-in, no personal data.
[AllowAnonymous]
[Route("free-seats")]
public sealed class FreeSeatsController(FreeSeatsQuery query) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] FreeSeatsFilter filter, CancellationToken ct)
    {
        Response.Headers.CacheControl = "public, max-age=30";
        return View("~/Features/FreeSeats/Views/Index.cshtml", await query.GetAsync(filter, ct));
    }
}
