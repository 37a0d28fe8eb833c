using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace OpenAlmaty.Kindergarten.Bench;

/// `refusals PORTAL KEYS [N] [PORTAL_LOG]`: what a hostile sign-in costs the portal to refuse
/// (issue 17). For each kind of document, N times one at a time: GET /login, then POST the
/// document. Two times per POST: the client's (the whole round trip, including pushing the body
/// over loopback) and, when the portal's log is given, the server's own (Serilog's request log:
/// from the request reaching the pipeline to the response written). Prints a Markdown table.
public static partial class Refusals
{
    public static async Task<int> RunAsync(string portal, string keysFolder, int count, string? portalLog = null)
    {
        using var ca = TestCa.LoadOrCreate(keysFolder);
        var keys = ca.IssueAll([new BenchPerson(0, "900101300017", "АХМЕТОВ", "АЙДАР", null)])["900101300017"];
        using var other = TestCa.LoadOrCreate(Path.Combine(keysFolder, "untrusted"));
        var foreign = other.IssueAll([new BenchPerson(0, "900101300017", "АХМЕТОВ", "АЙДАР", null)])["900101300017"];
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(120) };
        var cases = new (string Name, Func<string, string> Make)[]
        {
            ("80,000 namespace declarations (2 MB)", xml => Bomb(keys.SignIn(xml), 80_000)),
            ("trusted key, 60 KB comment added after signing", xml => Comment(keys.SignIn(xml), 60_000)),
            ("trusted key, 20 KB comment added after signing", xml => Comment(keys.SignIn(xml), 20_000)),
            ("200 namespace declarations", xml => Bomb(keys.SignIn(xml), 200)),
            ("100 levels deep", xml => Deep(keys.SignIn(xml), 100)),
            ("certificate of a foreign CA", xml => foreign.SignIn(xml)),
            ("trusted key, 4 KB comment added after signing (within every bound: canonicalised, digest differs)",
                xml => Comment(keys.SignIn(xml), 4_000)),
        };
        var table = new StringBuilder("| refused document | n | answer | client p50 ms | client max ms | server p50 ms | server p99 ms | server max ms |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        var worst = 0.0;
        var worstServer = 0.0;
        var worstServerP99 = 0.0;
        foreach (var (name, make) in cases)
        {
            var times = new List<double>();
            var reason = "";
            var logged = ServerTimes(portalLog).Count;
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
                if (answer.Status is not (HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge))
                    throw new InvalidOperationException($"{name}: answered {answer.Status}, not refused");
                reason = answer.Status == HttpStatusCode.RequestEntityTooLarge ? "413, body not read"
                    : "`" + ReasonPattern().Match(answer.Body).Groups[1].Value + "`";
                if (i > 0) times.Add(ms); // the first of each kind warms the JIT
            }
            times.Sort();
            worst = Math.Max(worst, times[^1]);
            // The server's times of this case's POSTs, the warm-up left out like the client's.
            var server = ServerTimes(portalLog).Skip(logged + 1).ToList();
            server.Sort();
            var serverColumns = server.Count == 0 ? "– | – | –" : string.Create(CultureInfo.InvariantCulture, $"{server[server.Count / 2]:F1} | {server[(int)Math.Ceiling(server.Count * 0.99) - 1]:F1} | {server[^1]:F1}");
            if (server.Count > 0)
            {
                worstServer = Math.Max(worstServer, server[^1]);
                worstServerP99 = Math.Max(worstServerP99, server[(int)Math.Ceiling(server.Count * 0.99) - 1]);
            }
            table.Append(CultureInfo.InvariantCulture, $"| {name} | {times.Count} | {reason} | {times[times.Count / 2]:F1} | {times[^1]:F1} | {serverColumns} |\n");
        }
        Console.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nworst refused sign-in: {worstServer:F1} ms in the server (worst p99 {worstServerP99:F1} ms), {worst:F1} ms as the client saw it"));
        return 0;
    }

    /// Every "HTTP POST /login responded … in … ms" line of the portal's log so far, in order.
    private static List<double> ServerTimes(string? portalLog)
    {
        if (portalLog is null) return [];
        using var stream = new FileStream(portalLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var times = new List<double>();
        while (reader.ReadLine() is { } line)
            if (LoggedPattern().Match(line) is { Success: true } m) times.Add(double.Parse(m.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture));
        return times;
    }

    private static string Comment(string signed, int length) =>
        signed.Replace("</nonce>", "</nonce><!--" + new string('x', length) + "-->", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex("data-reason=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ReasonPattern();

    [System.Text.RegularExpressions.GeneratedRegex("""HTTP "?POST"? "?/login"? responded \d+ in ([0-9.,]+) ms""")]
    private static partial System.Text.RegularExpressions.Regex LoggedPattern();

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
