using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Deploy;

/// Real nginx, real TLS, two real portal processes (ProxyFixture): the client's own address is
/// what the sign-in limit and the audit log see; a forged X-Forwarded-For from anyone but the
/// proxy is ignored; cookies are Secure; a session made on one instance is good on the other;
/// each instance's metrics are on its own port and nowhere public; log lines carry trace ids.
public sealed partial class ProxyTests(ProxyFixture proxy) : IClassFixture<ProxyFixture>
{
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userKey, string keysFolder)
    {
        var form = await LoginForm.OpenAsync(client);
        var user = DemoUsers.All.Single(u => u.Key == userKey);
        using var key = DemoKeys.Load(DemoKeys.AuthenticationFile(keysFolder, user));
        return await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, key));
    }

    private static Task<HttpResponseMessage> BareSignInPost(HttpClient client, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent([new("nonce", "x")]) };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task SignIn_ThroughNginx_CookiesSecureAndSessionServedByBothInstances()
    {
        using var parent = proxy.ViaNginx("127.0.0.3");

        var page = await parent.GetAsync("/login");
        var signedIn = await SignInAsync(parent, "parent1", proxy.KeysFolder);
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        var journal = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) journal.Add((await parent.GetAsync("/applications")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(journal, s => Assert.Equal(HttpStatusCode.OK, s));
        // Round robin: both instances served the signed-in journal with the one cookie.
        Assert.All(proxy.Instances, i => Assert.Contains("HTTP GET /applications responded 200", i.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInLimit_ThroughNginx_CountsEachClientAddressApart()
    {
        using var noisy = proxy.ViaNginx("127.0.0.4");
        using var quiet = proxy.ViaNginx("127.0.0.5");

        var statuses = new List<HttpStatusCode>();
        // Each instance keeps its own count: twice the limit and one more reaches it on either.
        for (var i = 0; i < 2 * ProxyFixture.SignInAttemptsPerMinute + 2; i++) statuses.Add((await BareSignInPost(noisy)).StatusCode);
        var other = await BareSignInPost(quiet);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task ForgedForwardedFor_FromElsewhere_IgnoredByTheLimit()
    {
        using var direct = proxy.Direct("127.0.0.6", 0);

        var statuses = new List<HttpStatusCode>();
        // A new made-up address each time: were it believed, every attempt would be a first one.
        for (var i = 0; i < ProxyFixture.SignInAttemptsPerMinute + 1; i++)
            statuses.Add((await BareSignInPost(direct, $"203.0.113.{i + 1}")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task StaffLookup_ThroughNginx_AuditLogHasTheClientsAddress()
    {
        using var operatorClient = proxy.ViaNginx("127.0.0.7");
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(operatorClient, "operator", proxy.KeysFolder)).StatusCode);

        // A forged header through nginx is replaced by what nginx saw.
        var search = new HttpRequestMessage(HttpMethod.Get, "/callcentre?q=ТУЛЕУБАЕВА");
        search.Headers.Add("X-Forwarded-For", "198.51.100.9");
        var response = await operatorClient.SendAsync(search);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, response.StatusCode.ToString());
        await using var connection = new NpgsqlConnection(proxy.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select remote_address from audit_log where action = @action order by id desc limit 1", connection);
        command.Parameters.AddWithValue("action", Features.Audit.AuditLog.Actions.Search);
        Assert.Equal("127.0.0.7", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Metrics_AfterSignIn_OnEachInstancesOwnPortButNotPublic()
    {
        using var parent = proxy.ViaNginx("127.0.0.8");
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(parent, "parent2", proxy.KeysFolder)).StatusCode);

        using var scraper = new HttpClient();
        var scraped = new List<string>();
        foreach (var port in proxy.MetricsPorts) scraped.Add(await scraper.GetStringAsync($"http://127.0.0.1:{port}/metrics"));
        var viaNginx = await parent.GetAsync("/metrics");
        var publicPort = await proxy.Direct("127.0.0.8", 0).GetAsync("/metrics");

        var all = string.Join('\n', scraped);
        Assert.Matches(SignatureAccepted(), all);
        Assert.Contains("http_server_request_duration_seconds", all, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, viaNginx.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, publicPort.StatusCode);
        Assert.DoesNotContain("# TYPE", await publicPort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestLogLines_CarryTheTraceId()
    {
        using var client = proxy.ViaNginx("127.0.0.9");
        await client.GetAsync("/login");

        Assert.Contains(proxy.Instances, i => RequestLineWithTraceId().IsMatch(i.Output));
    }

    [GeneratedRegex("kindergarten_signatures_verified_total\\{[^}]*outcome=\"accepted\"[^}]*\\} [1-9]")]
    private static partial Regex SignatureAccepted();

    [GeneratedRegex("HTTP GET /login responded 200 in [0-9.]+ ms [0-9a-f]{32}")]
    private static partial Regex RequestLineWithTraceId();
}
