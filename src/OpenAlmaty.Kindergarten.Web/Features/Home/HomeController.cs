using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();

    [HttpGet("/lang/{code}")]
    public IActionResult Language(string code, string? returnUrl)
    {
        Response.Cookies.Append(Lang.CookieName, Languages.CodeOrNull(code) ?? "ru", new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
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
