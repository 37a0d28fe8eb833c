using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace OpenAlmaty.Kindergarten.Bench;

/// `refusals PORTAL KEYS [N]`: what a hostile sign-in costs the portal to refuse (issue 17). For
/// each kind of document, N times one at a time: GET /login, then POST the document; the POST's
/// latency is the refusal's cost. Prints a Markdown table; the worst row is the figure.
public static class Refusals
{
    public static async Task<int> RunAsync(string portal, string keysFolder, int count)
    {
        using var ca = TestCa.LoadOrCreate(keysFolder);
        var keys = ca.IssueAll([new BenchPerson(0, "900101300017", "АХМЕТОВ", "АЙДАР", null)])["900101300017"];
        using var other = TestCa.LoadOrCreate(Path.Combine(keysFolder, "untrusted"));
        var foreign = other.IssueAll([new BenchPerson(0, "900101300017", "АХМЕТОВ", "АЙДАР", null)])["900101300017"];
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(120) };
        var cases = new (string Name, Func<string, string> Make)[]
        {
            ("80,000 namespace declarations (2 MB)", xml => Bomb(NcaXml.Sign(xml, keys.Authentication), 80_000)),
            ("2,000 namespace declarations (under 64 KB)", xml => Bomb(NcaXml.Sign(xml, keys.Authentication), 2_000)),
            ("100 levels deep", xml => Deep(NcaXml.Sign(xml, keys.Authentication), 100)),
            ("certificate of a foreign CA", xml => NcaXml.Sign(xml, foreign.Authentication)),
            ("trusted key, 60 KB comment added after signing (canonicalised, digest differs)",
                xml => NcaXml.Sign(xml, keys.Authentication).Replace("</nonce>", "</nonce><!--" + new string('x', 60_000) + "-->", StringComparison.Ordinal)),
        };
        var table = new StringBuilder("| refused document | n | reason | p50 ms | max ms |\n| --- | --- | --- | --- | --- |\n");
        var worst = 0.0;
        foreach (var (name, make) in cases)
        {
            var times = new List<double>();
            var reason = "";
            for (var i = 0; i < count + 1; i++)
            {
                var user = new PortalUser(http);
                var recorder = new Recorder("refusals");
                var page = await user.GetAsync($"{portal}/login", recorder, "GET /login");
                var form = new Dictionary<string, string>
                {
                    ["nonce"] = PortalUser.Hidden(page.Body, "nonce"),
                    ["signedXml"] = make(PortalUser.XmlToSign(page.Body) ?? throw new FormatException("no nonce on /login")),
                    ["__RequestVerificationToken"] = PortalUser.Token(page.Body),
                };
                var clock = Stopwatch.StartNew();
                var answer = await user.PostAsync($"{portal}/login", form, recorder, "POST /login");
                var ms = clock.Elapsed.TotalMilliseconds;
                if (answer.Status != HttpStatusCode.BadRequest) throw new InvalidOperationException($"{name}: answered {answer.Status}, not refused");
                reason = System.Text.RegularExpressions.Regex.Match(answer.Body, "data-reason=\"([^\"]+)\"").Groups[1].Value;
                if (i > 0) times.Add(ms); // the first of each kind warms the JIT
            }
            times.Sort();
            worst = Math.Max(worst, times[^1]);
            table.Append(CultureInfo.InvariantCulture, $"| {name} | {times.Count} | `{reason}` | {times[times.Count / 2]:F1} | {times[^1]:F1} |\n");
        }
        Console.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nworst refused sign-in: {worst:F1} ms"));
        return 0;
    }

    private static string Bomb(string signed, int declarations)
    {
        var extra = new StringBuilder();
        for (var i = 0; i < declarations; i++) extra.Append(CultureInfo.InvariantCulture, $" xmlns:n{i}=\"urn:n{i}\"");
        return signed.Replace("<login>", "<login" + extra + ">", StringComparison.Ordinal);
    }

    private static string Deep(string signed, int depth) =>
        signed.Replace("<nonce>", string.Concat(Enumerable.Repeat("<a>", depth)) + "<nonce>", StringComparison.Ordinal)
            .Replace("</nonce>", "</nonce>" + string.Concat(Enumerable.Repeat("</a>", depth)), StringComparison.Ordinal);
}
