using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// A demo parent's browser over HTTP: signs in with the authentication key, opens pages, posts
/// forms with (or without) the anti-forgery token, signs a page's request with a signing key.
public sealed class CabinetClient(HttpClient http, EdsKeysFixture keys, DemoUser user)
{
    public HttpClient Http { get; } = http;
    public DemoUser User { get; } = user;

    public static async Task<CabinetClient> SignInAsync(PortalFactory portal, EdsKeysFixture keys, DemoUser user)
    {
        var http = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(http);
        var response = await login.PostAsync(http, NcaXmlSigner.Sign(login.Xml, keys.AuthKey(user)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new CabinetClient(http, keys, user);
    }

    /// GET that must answer 200.
    public async Task<CabinetPage> OpenAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return new CabinetPage(await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// A redirect's target, opened.
    public async Task<CabinetPage> FollowAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}");
        return await OpenAsync(response.Headers.Location!.OriginalString);
    }

    public Task<HttpResponseMessage> PostAsync(string url, CabinetPage from, IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        var form = new Dictionary<string, string>(fields);
        if (withToken) form["__RequestVerificationToken"] = from.Token;
        return Http.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// "Подписать и отправить": the page's XML signed with a signing key (by default the
    /// signed-in person's), posted with the form's hidden fields to the form's action.
    public Task<HttpResponseMessage> SignAndSendAsync(CabinetPage page, DemoUser? signer = null, bool withToken = true,
        string? action = null)
    {
        var fields = SignedFields(page, signer);
        return PostAsync(action ?? page.SignForm.Action, page, fields, withToken);
    }

    public Dictionary<string, string> SignedFields(CabinetPage page, DemoUser? signer = null)
    {
        var form = page.SignForm;
        var fields = new Dictionary<string, string>(form.Hidden)
        {
            ["signedXml"] = NcaXmlSigner.Sign(form.Xml, keys.SigningKey(signer ?? User)),
        };
        return fields;
    }
}

/// A page as the browser got it: the anti-forgery token, the signing form, the alerts.
public sealed partial class CabinetPage(string html)
{
    public string Html { get; } = html;

    /// The page's text with HTML entities decoded, for messages.
    public string Text { get; } = WebUtility.HtmlDecode(html);

    public string Token => TokenPattern().Match(Html) is { Success: true } m ? m.Groups[1].Value
        : throw new InvalidOperationException("No anti-forgery token on the page.");

    public bool HasSignForm => SignFormPattern().IsMatch(Html);

    public SignForm SignForm
    {
        get
        {
            var m = SignFormPattern().Match(Html);
            if (!m.Success) throw new InvalidOperationException("No data-eds-form on the page.");
            var end = Html.IndexOf("</form>", m.Index, StringComparison.Ordinal);
            var body = Html[m.Index..end];
            var hidden = HiddenPattern().Matches(body).ToDictionary(h => h.Groups[1].Value, h => WebUtility.HtmlDecode(h.Groups[2].Value));
            return new SignForm(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value), hidden);
        }
    }

    public Guid RequestId => Guid.Parse(SignForm.Hidden["requestId"]);

    /// The text of the green "alert-success" or red "alert-danger" message, or null.
    public string? Message => Alert("success");
    public string? Error => Alert("danger");

    private string? Alert(string kind) =>
        new Regex($"<div class=\"[^\"]*alert-{kind}[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Matches(Html)
            .Select(m => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ")), "\\s+", " ").Trim())
            .FirstOrDefault(text => text.Length > 0);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\" data-eds-form data-eds-xml=\"([^\"]*)\"")]
    private static partial Regex SignFormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();
}

public sealed record SignForm(string Action, string Xml, IReadOnlyDictionary<string, string> Hidden);
