using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(Data.AppDbContext db) : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();

    [HttpGet("/lang/{code}")]
    public async Task<IActionResult> Language(string code, string? returnUrl, CancellationToken ct)
    {
        var language = Languages.CodeOrNull(code) ?? "ru";
        Response.Cookies.Append(Lang.CookieName, language, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
        // Signed in: the person's notifications follow the language they now read the portal in.
        if (User.PersonId() is { } personId)
            await db.People.Where(p => p.Id == personId && p.Language != language)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Language, language), ct);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    [HttpGet("/denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// Re-executed by the status-code pages for a response that has no body of its own.
    [Route("/status/{code:int}")]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code;
        return code switch
        {
            StatusCodes.Status403Forbidden => View("Denied"),
            StatusCodes.Status404NotFound => View("NotFound"),
            _ => View("Error"),
        };
    }

    /// Re-executed by the exception handler with the failed request's method: a POST that
    /// fails must get this page too, not a 405 (issue 17, case 6).
    [Route("/error")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View();
    }
}
