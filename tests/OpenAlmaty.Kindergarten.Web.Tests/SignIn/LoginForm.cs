using System.Net;
using System.Text.RegularExpressions;

namespace OpenAlmaty.Kindergarten.Web.Tests.SignIn;

/// The login page as a browser sees it: the anti-forgery token, the nonce, the XML to sign and
/// when the nonce was issued (eGov Mobile's start sends it back).
public sealed partial record LoginForm(string Token, string Nonce, string Xml, string Issued)
{
    public static async Task<LoginForm> OpenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/login");
        return new LoginForm(
            Match(TokenPattern(), html),
            Match(NoncePattern(), html),
            WebUtility.HtmlDecode(Match(XmlPattern(), html)),
            Match(IssuedPattern(), html));
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string signedXml, bool withToken = true, string? nonce = null)
    {
        var fields = new Dictionary<string, string> { ["nonce"] = nonce ?? Nonce, ["signedXml"] = signedXml };
        if (withToken) fields["__RequestVerificationToken"] = Token;
        return client.PostAsync("/login", new FormUrlEncodedContent(fields));
    }

    /// The reason code of the error shown on the page, or null when there is none.
    public static string? ReasonIn(string html) => ReasonPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    private static string Match(Regex pattern, string html) =>
        pattern.Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"Not on the page: {pattern}");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"nonce\" value=\"([^\"]+)\"")]
    private static partial Regex NoncePattern();

    [GeneratedRegex("name=\"issued\" value=\"([^\"]+)\"")]
    private static partial Regex IssuedPattern();

    [GeneratedRegex("data-eds-xml=\"([^\"]+)\"")]
    private static partial Regex XmlPattern();

    [GeneratedRegex("data-reason=\"([^\"]+)\"")]
    private static partial Regex ReasonPattern();
}
