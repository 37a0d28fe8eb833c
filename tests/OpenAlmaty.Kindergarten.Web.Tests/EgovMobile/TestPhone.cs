using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.EgovMobile.Phone;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.EgovMobile;

/// What the waiting page got when it started a transaction.
public sealed record Started(string StatusUrl, string QrText, string AppLink);

/// The strict stand-in for eGov Mobile against a test portal, and the waiting browser's calls.
public static class TestPhone
{
    public const string PublicBaseUrl = "https://kindergarten.example.kz";

    /// eGov Mobile's settings for a test host: a public https address (not the test server's)
    /// and the department's BIN.
    public static PortalFactory WithEgovMobile(this PortalFactory portal)
    {
        portal.Settings["EgovMobile:PublicBaseUrl"] = PublicBaseUrl;
        portal.Settings["EgovMobile:OrganisationBin"] = "123456789012";
        return portal;
    }

    /// A phone without cookies (the app has none) reaching the test server whatever host the URL names.
    public static EgovMobilePhone Phone(PortalFactory portal, Func<string, string> sign, string language = "ru")
    {
        var http = portal.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        return new EgovMobilePhone(http, sign, language, requireHttps: true, route: url => new Uri(http.BaseAddress!, url.PathAndQuery));
    }

    public static Func<string, string> Key(EdsKeysFixture keys, DemoUser user, bool authentication, bool gost) =>
        NcaStyleXmlSigner.FromKeyFile(gost
            ? (authentication ? DemoKeys.GostAuthenticationFile(keys.TrustedFolder, user) : DemoKeys.GostSigningFile(keys.TrustedFolder, user))
            : (authentication ? DemoKeys.AuthenticationFile(keys.TrustedFolder, user) : DemoKeys.SigningFile(keys.TrustedFolder, user)),
            DemoUsers.KeyPassword);

    /// The login page's start: its token, nonce and the nonce's issue time, as egov.js sends them.
    public static Task<Started> StartSignInAsync(HttpClient browser, SignIn.LoginForm login, string? returnUrl = null) =>
        StartAsync(browser, "/login/egov", login.Token, "nonce", login.Nonce, returnUrl, ("issued", login.Issued));

    /// The waiting page's POST (the form's anti-forgery token and its nonce or request id).
    public static async Task<Started> StartAsync(HttpClient browser, string url, string token, string field, string value, string? returnUrl = null,
        params (string Name, string Value)[] more)
    {
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, [field] = value };
        if (returnUrl is not null) form["returnUrl"] = returnUrl;
        foreach (var (name, v) in more) form[name] = v;
        var response = await browser.PostAsync(url, new FormUrlEncodedContent(form));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Started(json.GetProperty("statusUrl").GetString()!, json.GetProperty("qrText").GetString()!, json.GetProperty("appLink").GetString()!);
    }

    /// The waiting page's poll: status, message, signed XML (an action's), and where to go (a sign-in's).
    public static async Task<(string Status, string? Message, string? SignedXml, string? Redirect)> StateAsync(HttpClient browser, Started started)
    {
        var response = await browser.GetAsync(started.StatusUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return (json.GetProperty("status").GetString()!, Text(json, "message"), Text(json, "signedXml"), Text(json, "redirect"));
    }
}
