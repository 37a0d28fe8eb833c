using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Features.SignIn;
using OpenAlmaty.Kindergarten.Web.Localization;
using OpenAlmaty.Kindergarten.Web.Signatures;
using QRCoder;

namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile;

/// The browser's side (wwwroot/js/egov.js): start a transaction for the page's nonce or signed
/// request, then wait for it. The outcome goes only to the browser that started it — the
/// sign-in cookie for sign-in, the session for an action — so a photographed QR code signs
/// nobody in anywhere else.
[EnableRateLimiting(EgovMobileSetup.RateLimitPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class EgovWaitController(EgovTransactions transactions, EgovMobileAddresses addresses, IWebHostEnvironment env,
    Sessions sessions, ILogger<EgovWaitController> log) : Controller
{
    private const long MaxStartBytes = 16 * 1024;

    [AllowAnonymous]
    [HttpPost("/login/egov")]
    [RequestSizeLimit(MaxStartBytes)]
    public Task<IActionResult> StartSignIn([FromForm] string? nonce, [FromForm] string? issued, [FromForm] string? returnUrl, CancellationToken ct) =>
        StartAsync(() => transactions.StartSignInAsync(nonce ?? "", issued, Request.Cookies[SignInController.BrowserCookie] ?? "",
                Lang.Current(HttpContext), ct),
            "/login/egov/status", Url.IsLocalUrl(returnUrl) ? returnUrl : null);

    /// The waiting login page's poll. Once the phone's PUT has signed the person in (NCALayer's
    /// sign-in, SignInService), this request gives the browser that session's cookie and answers
    /// where to go: one request instead of the signed XML sent to the browser and back by POST
    /// /login (issue 14: eGov Mobile's sign-in within 20 % of NCALayer's). A second poll from
    /// the same browser gets the same session, no new one; an ended session gets nothing.
    [AllowAnonymous]
    [HttpGet("/login/egov/status")]
    public async Task<IActionResult> SignInState([FromQuery] string? tx, [FromQuery] string? returnUrl, CancellationToken ct)
    {
        var browser = Request.Cookies[SignInController.BrowserCookie] ?? "";
        var state = await transactions.StateAsync(tx ?? "", browser, ct);
        if (state is null) return Message(404, EgovRefusals.NotFound);
        if (state is not { Status: "signed", SessionId: { } sessionId }) return StateJson(state);
        if (await sessions.CurrentAsync(sessionId, ct) is not { } session)
            return Json(new { status = "rejected", message = Lang.Of(NonceStore.Used().Reason, Lang.Current(HttpContext)) });
        var home = await SignInController.CompleteAsync(HttpContext, session.ToPrincipal(), log);
        return Json(new { status = "signed-in", redirect = Url.IsLocalUrl(returnUrl) ? returnUrl : home });
    }

    [Authorize]
    [HttpPost("/egov/start")]
    [RequestSizeLimit(MaxStartBytes)]
    public Task<IActionResult> StartRequest([FromForm] Guid requestId, CancellationToken ct) =>
        StartAsync(() => transactions.StartRequestAsync(requestId, User.Iin() ?? "", Session, ct), "/egov/status", null);

    [Authorize]
    [HttpGet("/egov/status")]
    public Task<IActionResult> RequestState([FromQuery] string? tx, CancellationToken ct) => StateAsync(tx, Session, ct);

    private string Session => User.FindFirst(AuthSetup.SessionClaim)?.Value ?? "";

    private async Task<IActionResult> StartAsync(Func<Task<EgovTransaction>> start, string statusPath, string? returnUrl)
    {
        if (!addresses.Enabled) return Message(404, EgovRefusals.NotFound);
        try
        {
            var tx = await start();
            var api1 = addresses.Api1(tx.Id);
            var qrText = EgovMobileAddresses.QrText(api1);
            return Json(new
            {
                statusUrl = $"{statusPath}?tx={Uri.EscapeDataString(tx.Id)}" + (returnUrl is null ? "" : $"&returnUrl={Uri.EscapeDataString(returnUrl)}"),
                qrText,
                qrImage = "data:image/png;base64," + Convert.ToBase64String(QrPng(qrText)),
                appLink = addresses.AppLink(api1),
                expiresAt = tx.ExpiresAt,
                // A person trying the flow on one computer plays the phone on this page (Development only).
                phoneUrl = env.IsDevelopment() ? "/dev/phone?qr=" + Uri.EscapeDataString(qrText) : null,
            });
        }
        catch (SignatureRejectedException e)
        {
            return Message(400, e.Reason);
        }
    }

    private async Task<IActionResult> StateAsync(string? tx, string browser, CancellationToken ct)
    {
        var state = await transactions.StateAsync(tx ?? "", browser, ct);
        return state is null ? Message(404, EgovRefusals.NotFound) : StateJson(state);
    }

    private JsonResult StateJson(EgovState state) =>
        Json(new { status = state.Status, message = state.Message?.Invoke(Lang.Current(HttpContext)), signedXml = state.SignedXml });

    private ObjectResult Message(int status, Domain.Common.LocalizedText text) =>
        StatusCode(status, new { message = Lang.Of(text, Lang.Current(HttpContext)) });

    /// Drawn with QRCoder, the library the referral PDF uses (issue 14). One pixel per module
    /// (about 50 × 50) with the quiet zone: the page scales it up without smoothing
    /// (.oa-egov-qr, image-rendering: pixelated), and a 6-pixel PNG cost a third of the code's
    /// drawing in scanlines and compression on every start.
    private static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(1);
    }
}
