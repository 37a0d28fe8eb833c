using System.Net;
using System.Text.Json;
using OpenAlmaty.Kindergarten.Web.Features.EgovMobile.Phone;

namespace OpenAlmaty.Kindergarten.Bench;

/// Sign-in through eGov Mobile (../shared/docs/egov-mobile.md), as the login page
/// (wwwroot/js/egov.js) and the phone do it together, request by request.
public static class EgovFlows
{
    public const string Start = "POST /login/egov", Pending = "GET status (pending)", Signed = "GET status (signed)";
    public const string Phone = "phone: API 1 GET, API 2 GET, sign, API 2 PUT", Whole = "eGov sign-in (whole)";

    /// The browser: GET /login, «eGov Mobile» starts a transaction for the page's nonce (POST
    /// /login/egov with the form's token and nonce) and polls its status at once, as egov.js
    /// does. The phone: the portal's strict stand-in of the app (EgovMobilePhone, the tests' and
    /// /dev/phone's client) reads the QR text, calls API 1 and API 2, signs the XML with the
    /// parent's authentication key (RSA or GOST-2015) and PUTs it. The browser: its next poll
    /// finds the transaction signed and sends the signed XML by POST /login, as for NCALayer.
    /// One "pending" poll per sign-in: the page's later polls, every 1.5 s while a person
    /// confirms on the phone, are left out (they would measure the person, not the portal).
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
            ["__RequestVerificationToken"] = token, ["nonce"] = nonce,
        }, recorder, Start, HttpStatusCode.OK);
        if (started.Status != HttpStatusCode.OK) throw new InvalidOperationException($"{Start}: {(int)started.Status} {started.Body}");
        string statusUrl, qrText;
        using (var json = JsonDocument.Parse(started.Body))
        {
            statusUrl = portal + json.RootElement.GetProperty("statusUrl").GetString();
            qrText = json.RootElement.GetProperty("qrText").GetString() ?? "";
        }
        var (before, _) = await StatusAsync(user, statusUrl, recorder, Pending);
        if (before != "pending") throw new InvalidOperationException($"the transaction was {before} before the phone signed");

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

        var (after, signedXml) = await StatusAsync(user, statusUrl, recorder, Signed);
        if (after != "signed" || signedXml is null) throw new InvalidOperationException($"the transaction was {after} after the phone signed");
        var answer = await user.PostAsync($"{portal}/login", new Dictionary<string, string>
        {
            ["nonce"] = nonce, ["signedXml"] = signedXml, ["__RequestVerificationToken"] = token,
        }, recorder, Flows.PostLogin);
        var ok = answer.Status == HttpStatusCode.Redirect && answer.Location is { } to && !to.Contains("/login", StringComparison.Ordinal);
        recorder.Add(Whole, start, ok);
        return ok;
    }

    private static async Task<(string Status, string? SignedXml)> StatusAsync(PortalUser user, string url, Recorder recorder, string label)
    {
        var answer = await user.GetAsync(url, recorder, label);
        if (answer.Status != HttpStatusCode.OK) throw new InvalidOperationException($"{label}: {(int)answer.Status} {answer.Body}");
        using var json = JsonDocument.Parse(answer.Body);
        var root = json.RootElement;
        return (root.GetProperty("status").GetString() ?? "", root.TryGetProperty("signedXml", out var x) && x.ValueKind == JsonValueKind.String ? x.GetString() : null);
    }
}
