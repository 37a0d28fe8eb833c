using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile.Phone;

/// A protocol answer the real app would not accept: the stand-in stops there.
public sealed class PhoneProtocolException(string message) : Exception(message);

/// What API 1 and API 2's GET gave the phone: where to send, with which token, what to sign.
public sealed record PhoneSession(Uri Api2, string Token, string Description, JsonObject Document)
{
    public IEnumerable<string> XmlsToSign => Document["documentsToSign"]!.AsArray().Select(d => d!["documentXml"]!.GetValue<string>());
}

/// The portal's answer to the PUT: 200 {} or a refusal with its message.
public sealed record PhoneResult(HttpStatusCode Status, string? Message, string SentBody);

/// A strict stand-in for eGov Mobile (steps 3–5 of ../shared/docs/egov-mobile.md) with a real
/// key: it follows only what that page says and refuses anything else, so that the portal does
/// not come to depend on a laxer client than the real app. Used by the tests, the bench and the
/// Development phone page. <paramref name="route"/> maps the public URLs to where this process
/// can reach the portal (a test server, the local port); by default they are used as they are.
public sealed partial class EgovMobilePhone(HttpClient http, Func<string, string> sign, string language = "ru",
    bool requireHttps = true, Func<Uri, Uri>? route = null)
{
    public const string QrPrefix = "mobileSign:";

    /// Steps 3–5: API 1, API 2's GET, the signature of every document, API 2's PUT.
    public async Task<PhoneResult> SignAsync(string qrText, CancellationToken ct = default)
    {
        var session = await OpenAsync(qrText, ct);
        var body = session.Document.DeepClone().AsObject();
        foreach (var document in body["documentsToSign"]!.AsArray())
            document!["documentXml"] = sign(document["documentXml"]!.GetValue<string>());
        return await PutAsync(session, body.ToJsonString(), ct);
    }

    /// Steps 3 and 4: what the app reads before the person confirms.
    public async Task<PhoneSession> OpenAsync(string qrText, CancellationToken ct = default)
    {
        if (!qrText.StartsWith(QrPrefix, StringComparison.Ordinal)) throw new PhoneProtocolException("The QR text does not start with mobileSign:.");
        var api1 = AbsoluteUrl(qrText[QrPrefix.Length..], "API 1");
        var first = await GetJsonAsync(api1, null, ct);
        var description = RequireString(first, "description");
        var expiry = RequireString(first, "expiry_date");
        if (!ExpiryPattern().IsMatch(expiry) || !DateTimeOffset.TryParse(expiry, System.Globalization.CultureInfo.InvariantCulture, out _))
            throw new PhoneProtocolException("expiry_date is not ISO 8601 with an offset.");
        var organisation = RequireObject(first, "organisation");
        foreach (var name in new[] { "nameRu", "nameKz", "nameEn" }) RequireString(organisation, name);
        if (!BinPattern().IsMatch(RequireString(organisation, "bin"))) throw new PhoneProtocolException("organisation.bin is not twelve digits.");
        var document = RequireObject(first, "document");
        var api2 = AbsoluteUrl(RequireString(document, "uri"), "document.uri");
        // The portal issues Token (the page's design); None and Eds are the app's other modes.
        if (RequireString(document, "auth_type") != "Token") throw new PhoneProtocolException("auth_type is not Token.");
        var token = RequireString(document, "auth_token");

        var second = await GetJsonAsync(api2, token, ct);
        if (RequireString(second, "signMethod") != "XML") throw new PhoneProtocolException("signMethod is not XML.");
        if (second["version"] is not JsonValue version || !version.TryGetValue<int>(out var v) || v != 1) throw new PhoneProtocolException("version is not 1.");
        if (second["documentsToSign"] is not JsonArray documents || documents.Count == 0) throw new PhoneProtocolException("documentsToSign is empty.");
        foreach (var item in documents)
        {
            if (item is not JsonObject d || d["id"] is not JsonValue) throw new PhoneProtocolException("A document has no id.");
            foreach (var name in new[] { "nameRu", "nameKz", "nameEn", "documentXml" }) RequireString(d, name);
            if (d["meta"] is not JsonArray meta || meta.Any(m => m is not JsonObject mo || mo["name"] is not JsonValue || mo["value"] is not JsonValue))
                throw new PhoneProtocolException("meta is not a list of {name, value}.");
        }
        return new PhoneSession(api2, token, description, second);
    }

    /// Step 5's PUT, with whatever body (a test sends a spoilt or oversized one this way).
    public async Task<PhoneResult> PutAsync(PhoneSession session, string body, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Route(session.Api2))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        Prepare(request, session.Token);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        string? message = null;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            try { message = JsonNode.Parse(text)?["message"]?.GetValue<string>(); }
            catch (JsonException) { message = null; }
        }
        else if (JsonNode.Parse(text) is not JsonObject { Count: 0 })
            throw new PhoneProtocolException("An accepted PUT must answer {}.");
        return new PhoneResult(response.StatusCode, message, body);
    }

    private async Task<JsonObject> GetJsonAsync(Uri url, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Route(url));
        Prepare(request, token);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new PhoneProtocolException($"GET answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            throw new PhoneProtocolException("The answer is not application/json.");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject
            ?? throw new PhoneProtocolException("The answer is not a JSON object.");
    }

    private void Prepare(HttpRequestMessage request, string? token)
    {
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private Uri AbsoluteUrl(string text, string what)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && (requireHttps || url.Scheme != Uri.UriSchemeHttp)))
            throw new PhoneProtocolException($"{what} is not an absolute {(requireHttps ? "HTTPS " : "")}URL.");
        return url;
    }

    private Uri Route(Uri url) => route?.Invoke(url) ?? url;

    private static string RequireString(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text
            : throw new PhoneProtocolException($"{name} is missing or not a string.");

    private static JsonObject RequireObject(JsonObject json, string name) =>
        json[name] as JsonObject ?? throw new PhoneProtocolException($"{name} is missing or not an object.");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex ExpiryPattern();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex BinPattern();
}
