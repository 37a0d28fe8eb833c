using System.Globalization;
using System.Net;
using Npgsql;

namespace OpenAlmaty.Kindergarten.Bench;

/// `--only release-day`: the release day over HTTP (issue 13). The parents sign in, open the
/// release page with their ranking (the portal prepares the XML to sign), sign it with their RSA
/// certificate as NCALayer would, and send it — pages and signed requests each 64 at once.
/// Afterwards the database must hold exactly each parent's ranking as their current request.
public static class ReleaseDayHttp
{
    public const string GetRelease = "GET release page (ranked)", PostRequest = "POST signed request";

    /// One parent's page, read before the signed requests are sent: what the portal asked them to sign.
    private sealed record Prepared(string RequestId, string Xml, string Token);

    public static async Task<int> RunAsync(HttpClient http, NpgsqlDataSource db, BenchOptions o, TestCa ca, Scenarios scenarios, Report report)
    {
        Console.WriteLine($"Release day: preparing {o.ReleaseApplications} eligible applications, {o.ReleaseSeats} seats…");
        var day = await ReleaseDaySeed.PrepareAsync(db, o.ReleaseApplications, o.ReleaseSeats, o.ReleaseParents);
        // A warm-up of its own parents first, not recorded: the portal meets the day's requests
        // with its JIT settled, as a portal that has been up since the window opened does. The
        // same parents send their ranking again each round (the last signed request counts).
        var warm = Math.Min(o.Concurrency, day.Http.Count / 10);
        var warmUp = await JitSettling.WarmUpAsync(http, o.Portal, 8,
            r => SendAsync($"release day warm-up {r}", day.Http.Take(warm).ToList(), false));
        var measured = day.Http.Skip(warm).ToList();
        await using var sampler = new MemorySampler(o.Pid);
        var (pages, posts, refused, cpuPages, cpuPosts) = await SendAsync("release day", measured, true);
        var stored = await StoredAsync(db, day with { Http = measured });

        // Three steps, as on the day: each parent opens the release page with their ranking (the
        // portal prepares the XML to sign), signs it on their own computer (NCALayer; here the
        // load generator, before the sending starts, so that its RSA signing does not take the
        // portal's cores — on the day it is the parents' computers), and sends it. The pages and
        // the signed requests are each sent 64 at once and measured apart.
        async Task<(Recorder Pages, Recorder Posts, int Refused, string CpuPages, string CpuPosts)> SendAsync(
            string scenario, List<ReleaseApplicant> applicants, bool reportIt)
        {
            var parents = applicants.Select(a => a.Parent).ToList();
            var keys = ca.IssueAll(parents);
            var users = await scenarios.SignInAsync($"{scenario}: sign-in, {o.Concurrency} at once", parents, keys, o.Concurrency, _ => o.Portal, reportIt);
            string Url(ReleaseApplicant a) => $"{o.Portal}/applications/{a.ApplicationId}/releases/{day.ReleaseId}";
            var prepared = new Prepared?[applicants.Count];
            var cpu = CpuSplit.Start(o.Pid);
            var pageRecorder = await Recorder.RunAsync($"{scenario}: pages", o.Concurrency, applicants.Count, TimeSpan.FromSeconds(o.ScenarioSeconds), async (i, rec) =>
            {
                var a = applicants[i];
                var page = await users[i].GetAsync(Url(a) + "?" + string.Join("&", a.RankedPools.Select(p => $"rank={p}")), rec, GetRelease);
                var xml = PortalUser.XmlToSign(page.Body) ?? throw new FormatException($"no XML to sign on the release page of application {a.ApplicationId}");
                prepared[i] = new Prepared(PortalUser.Hidden(page.Body, "requestId"), xml, PortalUser.Token(page.Body));
            });
            var cpuPages = cpu.Describe(applicants.Count);
            var signed = new string?[applicants.Count];
            Parallel.For(0, applicants.Count, i => signed[i] = prepared[i] is { } p ? keys[applicants[i].Parent.Iin].SignAction(p.Xml) : null);
            var refusedHere = 0;
            Console.WriteLine($"{scenario}: {applicants.Count} pages read and signed; sending the signed requests");
            cpu = CpuSplit.Start(o.Pid);
            var postRecorder = await Recorder.RunAsync(scenario, o.Concurrency, applicants.Count, TimeSpan.FromSeconds(o.ScenarioSeconds), async (i, rec) =>
            {
                var a = applicants[i];
                if (prepared[i] is not { } p || signed[i] is not { } xml) throw new InvalidOperationException($"application {a.ApplicationId}: its page was not read");
                var answer = await users[i].PostAsync($"{Url(a)}/request", new Dictionary<string, string>
                {
                    ["requestId"] = p.RequestId, ["signedXml"] = xml, ["__RequestVerificationToken"] = p.Token,
                }, rec, PostRequest);
                var ok = answer.Status == HttpStatusCode.Redirect && answer.Location?.EndsWith($"/releases/{day.ReleaseId}", StringComparison.Ordinal) == true;
                if (!ok) Interlocked.Increment(ref refusedHere);
            });
            return (pageRecorder, postRecorder, refusedHere, cpuPages, cpu.Describe(applicants.Count));
        }
        var post = posts.StatsOf(PostRequest);
        var notAsExpected = pages.Samples.Count(s => !s.Ok) + posts.Samples.Count(s => !s.Ok) + refused;
        var errors = notAsExpected + (measured.Count - stored);
        report.Figure($"release day, {o.Concurrency} at once", GetRelease, pages.StatsOf(GetRelease));
        report.Figure($"release day, {o.Concurrency} at once", PostRequest, post);
        report.Target("release day: signed request p95 (POST, 64 at once)", "< 300 ms", $"{Report.F(post.P95)} ms", post.P95 < 300);
        report.Target("release day: errors", "0", $"{errors} (answers not as expected {notAsExpected}; rankings missing or different in the database {measured.Count - stored})", errors == 0);
        report.Target("release day: portal memory", "(recorded)", $"{Report.F(sampler.MaxMb, "0")} MB (VmRSS, max over the requests)", true);
        report.Section("Release day over HTTP: setup", $"""
            - one open release (queue order) with every active organisation ({day.Organisations}) and a pool for each birth year of the eligible applications: {day.Pools} pools, {day.Seats:N0} seats; the staff form caps a release at 50 organisations, so Almaty's day would be several releases — one release of all of them is the worst case for the page (every organisation of the child's birth year is a card)
            - {day.Http.Count + day.Inserted:N0} eligible applications (queued, 3 full years, not stop-listed), each with a ranking of 1–5 organisations from ReleaseDayInstance (Zipf popularity, 85 % in the home district); {day.Inserted:N0} requests written by SQL before the run (the day's volume in the tables), {day.Http.Count:N0} parents (one application each) sign in and send theirs over HTTP, {o.Concurrency} at once (the first {warm} as a warm-up, not recorded, repeated until the portal's JIT settled: {warmUp})
            - three steps, as on the day: every parent opens the release page with their ranking ({o.Concurrency} at once; the portal prepares the XML to sign); each signs it on their own computer (XMLDSig with their RSA certificate, NCALayer's shape — done by the load generator between the two steps, so that its signing does not share the portal's two cores as the parents' computers would not); the signed requests are sent {o.Concurrency} at once
            - CPU while the pages were read: {cpuPages}
            - CPU while the signed requests were sent: {cpuPosts}
            - checked by SQL afterwards: {stored:N0} of {measured.Count:N0} measured parents' current requests hold exactly the ranking they signed; refused or unexpected answers: {refused}
            - the portal's memory (VmRSS) over the requests: max {Report.F(sampler.MaxMb, "0")} MB
            """);
        Console.WriteLine($"release day: {stored} of {measured.Count} requests stored; POST p95 {post.P95:F1} ms; errors {errors}; CPU (pages) {cpuPages}; CPU (posts) {cpuPosts}");
        return errors == 0 ? 0 : 1;
    }

    /// How many of the HTTP parents' current requests hold exactly the ranking they signed.
    private static async Task<int> StoredAsync(NpgsqlDataSource db, ReleaseDaySeed.Day day)
    {
        await using var cmd = db.CreateCommand("""
            select count(*) from release_requests r join unnest(@a, @r) as t(a, r) on r.application_id = t.a
            where r.release_id = @release and r.superseded_at is null and r.ranked_pool_ids = t.r::bigint[]
            """);
        cmd.Parameters.AddWithValue("release", day.ReleaseId);
        cmd.Parameters.AddWithValue("a", day.Http.Select(a => a.ApplicationId).ToArray());
        cmd.Parameters.AddWithValue("r", day.Http.Select(a => "{" + string.Join(",", a.RankedPools.Select(p => p.ToString(CultureInfo.InvariantCulture))) + "}").ToArray());
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
