using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.EgovMobile.Phone;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile;

public sealed record DevPhonePage(string Qr, string Person, string Algorithm, string? Outcome, bool Accepted);

/// Development only: plays eGov Mobile with the demo key files, so that a person can try the
/// whole flow on one computer (the waiting page links here). It is the strict stand-in of the
/// tests, talking to this portal over HTTP like the phone would. Any other environment: 404.
[AllowAnonymous]
public sealed class DevPhoneController(IWebHostEnvironment env, IConfiguration config, IServer server, IHttpClientFactory clients) : Controller
{
    private const string ViewPath = "~/Features/EgovMobile/Views/DevPhone.cshtml";

    [HttpGet("/dev/phone")]
    public IActionResult Phone(string? qr) =>
        env.IsDevelopment() ? View(ViewPath, new DevPhonePage(qr ?? "", DemoUsers.Parent1.Key, "GOST", null, false)) : NotFound();

    [HttpPost("/dev/phone")]
    public async Task<IActionResult> Sign([FromForm] string? qr, [FromForm] string? person, [FromForm] string? algorithm, CancellationToken ct)
    {
        if (!env.IsDevelopment()) return NotFound();
        var user = DemoUsers.All.FirstOrDefault(u => u.Key == person) ?? DemoUsers.Parent1;
        var gost = algorithm != "RSA";
        var folder = config["DemoData:KeysFolder"] ?? ".data/demo-keys";
        var local = LocalAddress();
        var phone = new EgovMobilePhone(clients.CreateClient(), xml =>
        {
            // The app picks the key for what it is asked: the authentication key for a sign-in.
            var signIn = xml.StartsWith("<login>", StringComparison.Ordinal);
            var file = (signIn, gost) switch
            {
                (true, true) => DemoKeys.GostAuthenticationFile(folder, user),
                (true, false) => DemoKeys.AuthenticationFile(folder, user),
                (false, true) => DemoKeys.GostSigningFile(folder, user),
                (false, false) => DemoKeys.SigningFile(folder, user),
            };
            return NcaStyleXmlSigner.FromKeyFile(file, DemoUsers.KeyPassword)(xml);
        }, requireHttps: false, route: url => new Uri(local, url.PathAndQuery));
        string outcome;
        var accepted = false;
        try
        {
            var result = await phone.SignAsync(qr?.Trim() ?? "", ct);
            accepted = result.Status == System.Net.HttpStatusCode.OK;
            outcome = accepted ? "200 {}" : $"{(int)result.Status}: {result.Message}";
        }
        catch (PhoneProtocolException e)
        {
            outcome = e.Message;
        }
        return View(ViewPath, new DevPhonePage(qr ?? "", user.Key, gost ? "GOST" : "RSA", outcome, accepted));
    }

    /// Where this process listens: the phone page reaches the portal there, whatever the QR says.
    private Uri LocalAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"{Request.Scheme}://{Request.Host}";
        address = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(address.TrimEnd('/') + "/");
    }
}
