using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.SignIn;

public sealed class LoginPage
{
    public required string Nonce { get; init; }

    /// When the nonce was issued (CanonicalXml.Time): eGov Mobile's start sends it back.
    public required string Issued { get; init; }
    public required string Xml { get; init; }
    public string? ReturnUrl { get; init; }
    public string? ErrorCode { get; init; }
    public LocalizedText? Error { get; init; }
}

[AllowAnonymous]
public sealed class SignInController(NonceStore nonces, SignInService signIn, Auth.Sessions sessions, ILogger<SignInController> log) : Controller
{
    /// The browser's sign-in key: nonces are bound to it, so a nonce shown to one browser cannot
    /// sign in another. Only /login ever receives it.
    public const string BrowserCookie = "oa.signin";

    [HttpGet("/login")]
    public async Task<IActionResult> Login(string? returnUrl, CancellationToken ct) =>
        View(await PageAsync(returnUrl, null, ct));

    [HttpPost("/login")]
    [EnableRateLimiting(SignInSetup.RateLimitPolicy)]
    [Shared.BodyLimit(SignInSetup.MaxLoginRequestBytes)]
    public async Task<IActionResult> Login([FromForm] string? nonce, [FromForm] string? signedXml, [FromForm] string? returnUrl, CancellationToken ct)
    {
        try
        {
            var user = await signIn.SignInAsync(nonce ?? "", signedXml ?? "", Request.Cookies[BrowserCookie] ?? "", ct);
            var home = await CompleteAsync(HttpContext, user, log);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : home);
        }
        catch (SignatureRejectedException e)
        {
            log.LogWarning("Sign-in rejected: {Reason}", e.Code);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await PageAsync(returnUrl, e, ct));
        }
    }

    /// The session cookie for a person just signed in (here, or by eGov Mobile's waiting page);
    /// returns where they land when no page asked for it.
    internal static async Task<string> CompleteAsync(HttpContext http, System.Security.Claims.ClaimsPrincipal user, ILogger log)
    {
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user);
        log.LogInformation("Signed in {Iin}", Domain.People.Iin.Mask(user.FindFirst(Auth.AuthSetup.IinClaim)?.Value));
        return SignInService.HomeOf(user);
    }

    [HttpPost("/logout")]
    public async Task<IActionResult> Logout(CancellationToken ct)
    {
        await sessions.EndAsync(User.FindFirst(Auth.AuthSetup.SessionClaim)?.Value, "logout", ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }

    private async Task<LoginPage> PageAsync(string? returnUrl, SignatureRejectedException? error, CancellationToken ct)
    {
        var browser = Request.Cookies[BrowserCookie];
        if (string.IsNullOrEmpty(browser) || browser.Length > 64)
        {
            browser = NonceStore.NewBrowserKey();
            Response.Cookies.Append(BrowserCookie, browser, new CookieOptions
            {
                Path = "/login", HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true,
                Secure = Request.IsHttps || !HttpContext.RequestServices.GetRequiredService<IConfiguration>().GetValue("Auth:AllowInsecureCookies", false),
            });
        }
        var issued = await nonces.IssueAsync(browser, ct);
        return new LoginPage
        {
            Nonce = issued.Value,
            Issued = CanonicalXml.Time(issued.IssuedAt),
            Xml = issued.Xml,
            ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null,
            ErrorCode = error?.Code,
            Error = error?.Reason,
        };
    }
}
