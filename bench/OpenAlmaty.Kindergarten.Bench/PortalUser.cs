using System.Net;
using System.Text.RegularExpressions;

namespace OpenAlmaty.Kindergarten.Bench;

public sealed record Answer(HttpStatusCode Status, string Body, string? Location);

/// One browser: its own cookies (session, anti-forgery, TempData) over the shared connection
/// pool, no automatic redirects (each request is timed on its own).
public sealed partial class PortalUser(HttpClient http)
{
    private readonly Dictionary<string, string> _cookies = [];

    public async Task<Answer> GetAsync(string url, Recorder recorder, string label, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(request, recorder, label, expected);
    }

    /// A GET whose answer is read to the last byte and dropped, not decoded into a string: the
    /// load generator shares the portal's cores, so it spends no more than a client must.
    public async Task<HttpStatusCode> GetBytesAsync(string url, Recorder recorder, string label)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return (await SendAsync(request, recorder, label, HttpStatusCode.OK, decode: false)).Status;
    }

    public async Task<Answer> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> form, Recorder recorder, string label,
        HttpStatusCode expected = HttpStatusCode.Redirect)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        return await SendAsync(request, recorder, label, expected);
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request, Recorder recorder, string label, HttpStatusCode expected, bool decode = true)
    {
        lock (_cookies)
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var start = recorder.NowMs;
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = "";
        if (decode) body = await response.Content.ReadAsStringAsync();
        else
            await using (var stream = await response.Content.ReadAsStreamAsync())
                await stream.CopyToAsync(Stream.Null);
        recorder.Add(label, start, response.StatusCode == expected);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            lock (_cookies)
                foreach (var cookie in cookies) Remember(cookie);
        return new Answer(response.StatusCode, body, response.Headers.Location?.OriginalString);
    }

    // The bench runs the portal in the Testing environment: cookies are not Secure-only, so plain
    // http on loopback carries them as a browser would.
    private void Remember(string setCookie)
    {
        var pair = setCookie.Split(';', 2)[0];
        var eq = pair.IndexOf('=');
        if (eq <= 0) return;
        var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
        if (value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
        else _cookies[name] = value;
    }

    public static string Token(string html) => Field(AntiForgery(), html, "__RequestVerificationToken");

    public static string Hidden(string html, string name) =>
        Field(new Regex($"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\""), html, name);

    /// An attribute's value on the page (the first element that has it), or null.
    public static string? Attribute(string html, string name)
    {
        var match = new Regex($"{Regex.Escape(name)}=\"([^\"]*)\"").Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public static string? XmlToSign(string html)
    {
        var match = EdsXml().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static string Field(Regex regex, string html, string name)
    {
        var match = regex.Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new FormatException($"no {name} in the page");
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex("data-eds-xml=\"([^\"]*)\"")]
    private static partial Regex EdsXml();
}
