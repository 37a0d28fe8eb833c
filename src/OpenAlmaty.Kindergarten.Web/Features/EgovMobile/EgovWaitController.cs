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
public sealed class EgovWaitController(EgovTransactions transactions, EgovMobileAddresses addresses, IWebHostEnvironment env) : Controller
{
    private const long MaxStartBytes = 16 * 1024;

    [AllowAnonymous]
    [HttpPost("/login/egov")]
    [RequestSizeLimit(MaxStartBytes)]
    public Task<IActionResult> StartSignIn([FromForm] string? nonce, CancellationToken ct) =>
        StartAsync(() => transactions.StartSignInAsync(nonce ?? "", Request.Cookies[SignInController.BrowserCookie] ?? "", ct), "/login/egov/status");

    [AllowAnonymous]
    [HttpGet("/login/egov/status")]
    public Task<IActionResult> SignInState([FromQuery] string? tx, CancellationToken ct) =>
        StateAsync(tx, Request.Cookies[SignInController.BrowserCookie] ?? "", ct);

    [Authorize]
    [HttpPost("/egov/start")]
    [RequestSizeLimit(MaxStartBytes)]
    public Task<IActionResult> StartRequest([FromForm] Guid requestId, CancellationToken ct) =>
        StartAsync(() => transactions.StartRequestAsync(requestId, User.Iin() ?? "", Session, ct), "/egov/status");

    [Authorize]
    [HttpGet("/egov/status")]
    public Task<IActionResult> RequestState([FromQuery] string? tx, CancellationToken ct) => StateAsync(tx, Session, ct);

    private string Session => User.FindFirst(AuthSetup.SessionClaim)?.Value ?? "";

    private async Task<IActionResult> StartAsync(Func<Task<EgovTransaction>> start, string statusPath)
    {
        if (!addresses.Enabled) return Message(404, EgovRefusals.NotFound);
        try
        {
            var tx = await start();
            var api1 = addresses.Api1(tx.Id);
            var qrText = EgovMobileAddresses.QrText(api1);
            return Json(new
            {
                statusUrl = $"{statusPath}?tx={Uri.EscapeDataString(tx.Id)}",
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
        if (state is null) return Message(404, EgovRefusals.NotFound);
        return Json(new { status = state.Status, message = state.Message?.Invoke(Lang.Current(HttpContext)), signedXml = state.SignedXml });
    }

    private ObjectResult Message(int status, Domain.Common.LocalizedText text) =>
        StatusCode(status, new { message = Lang.Of(text, Lang.Current(HttpContext)) });

    private static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }
}
