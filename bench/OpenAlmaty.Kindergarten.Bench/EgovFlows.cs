using System.Net;
using System.Text.Json;
using OpenAlmaty.Kindergarten.Web.Features.EgovMobile.Phone;

namespace OpenAlmaty.Kindergarten.Bench;

/// Sign-in through eGov Mobile (../shared/docs/egov-mobile.md), as the login page
/// (wwwroot/js/egov.js) and the phone do it together, request by request.
public static class EgovFlows
{
    public const string Start = "POST /login/egov", Signed = "GET status (the session to the browser)";
    public const string Phone = "phone: API 1 GET, API 2 GET, sign, API 2 PUT", Whole = "eGov sign-in (whole)";

    /// The browser: GET /login, «eGov Mobile» starts a transaction for the page's nonce (POST
    /// /login/egov with the form's token and nonce). The phone: the portal's strict stand-in of
    /// the app (EgovMobilePhone, the tests' and /dev/phone's client) reads the QR text, calls
    /// API 1 and API 2, signs the XML with the parent's authentication key (RSA or GOST-2015) and
    /// PUTs it; that request signs the person in. The browser: its poll finds the transaction
    /// signed, gets that session's cookie and the page to go to — as egov.js does. egov.js first looks
    /// one interval (1.5 s) after the start, and every 1.5 s after that while a person confirms
    /// on the phone; those waiting polls are left out (they would measure the person, not the
    /// portal): here the phone has signed before the first poll.
    /// True when signed in; a refusal anywhere throws (the recorder counts it as an error).
    public static async Task<bool> SignInAsync(PortalUser user, HttpClient phoneHttp, string portal, BenchKeys keys, Recorder recorder)
    {
        var start = recorder.NowMs;
        var page = await user.GetAsync($"{portal}/login", recorder, Flows.GetLogin);
        var startPath = PortalUser.Attribute(page.Body, "data-egov-start");
        if (string.IsNullOrEmpty(startPath)) throw new FormatException("/login offers no eGov Mobile (is EgovMobile:OrganisationBin set?)");
        var nonce = PortalUser.Hidden(page.Body, "nonce");
        var token = PortalUser.Token(page.Body);
        var started = await user.PostAsync($"{portal}{startPath}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["nonce"] = nonce, ["issued"] = PortalUser.Hidden(page.Body, "issued"),
        }, recorder, Start, HttpStatusCode.OK);
        if (started.Status != HttpStatusCode.OK) throw new InvalidOperationException($"{Start}: {(int)started.Status} {started.Body}");
        string statusUrl, qrText;
        using (var json = JsonDocument.Parse(started.Body))
        {
            statusUrl = portal + json.RootElement.GetProperty("statusUrl").GetString();
            qrText = json.RootElement.GetProperty("qrText").GetString() ?? "";
        }

        var phoneStart = recorder.NowMs;
        PhoneResult result;
        try
        {
            // Plain http on loopback: the QR's URLs are the portal's own address (no PublicBaseUrl).
            result = await new EgovMobilePhone(phoneHttp, Flows.Timed(keys.SignIn, recorder), requireHttps: false).SignAsync(qrText);
        }
        catch (PhoneProtocolException e)
        {
            recorder.Add(Phone, phoneStart, false);
            throw new InvalidOperationException($"the phone stopped: {e.Message}", e);
        }
        recorder.Add(Phone, phoneStart, result.Status == HttpStatusCode.OK);
        if (result.Status != HttpStatusCode.OK) throw new InvalidOperationException($"API 2 PUT refused: {(int)result.Status} {result.Message}");

        var (after, redirect) = await StatusAsync(user, statusUrl, recorder, Signed);
        var ok = after == "signed-in" && redirect is { } to && !to.Contains("/login", StringComparison.Ordinal);
        if (!ok) throw new InvalidOperationException($"the transaction was {after} after the phone signed");
        recorder.Add(Whole, start, ok);
        return ok;
    }

    private static async Task<(string Status, string? Redirect)> StatusAsync(PortalUser user, string url, Recorder recorder, string label)
    {
        var answer = await user.GetAsync(url, recorder, label);
        if (answer.Status != HttpStatusCode.OK) throw new InvalidOperationException($"{label}: {(int)answer.Status} {answer.Body}");
        using var json = JsonDocument.Parse(answer.Body);
        var root = json.RootElement;
        return (root.GetProperty("status").GetString() ?? "", root.TryGetProperty("redirect", out var x) && x.ValueKind == JsonValueKind.String ? x.GetString() : null);
    }
}
