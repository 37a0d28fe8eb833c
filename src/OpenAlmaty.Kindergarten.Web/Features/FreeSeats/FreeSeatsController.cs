using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace OpenAlmaty.Kindergarten.Web.Features.FreeSeats;

/// The public page parents and journalists check: no sign-in, no personal data.
[AllowAnonymous]
[Route("free-seats")]
public sealed class FreeSeatsController(FreeSeatsQuery query) : Controller
{
    public const string CachePolicy = "free-seats";

    /// The whole answer is cached for anonymous visitors (bots poll this page), per filter and
    /// language; signed-in people get it rendered, from the query's own 30-second cache.
    [HttpGet("")]
    [OutputCache(PolicyName = CachePolicy)]
    public async Task<IActionResult> Index([FromQuery] FreeSeatsFilter filter, CancellationToken ct)
    {
        Response.Headers.CacheControl = "public, max-age=30";
        // The language comes in a cookie: a browser or proxy must not serve the Russian copy to a
        // Kazakh reader (or the other way round) from its cache.
        Response.Headers.Vary = "Cookie";
        return View("~/Features/FreeSeats/Views/Index.cshtml", await query.GetAsync(filter, ct));
    }
}
