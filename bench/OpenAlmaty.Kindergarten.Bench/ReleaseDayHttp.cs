using System.Globalization;
using System.Net;
using Npgsql;

namespace OpenAlmaty.Kindergarten.Bench;

/// `--only release-day`: the release day over HTTP (issue 13). The parents sign in, then each
/// opens the release page with their ranking (the portal prepares the XML to sign), signs it with
/// their RSA certificate as NCALayer would, and sends it — 64 at once. Afterwards the database
/// must hold exactly each parent's ranking as their current request.
public static class ReleaseDayHttp
{
    public const string GetRelease = "GET release page (ranked)", PostRequest = "POST signed request", Whole = "request (GET+sign+POST)";

    public static async Task<int> RunAsync(HttpClient http, NpgsqlDataSource db, BenchOptions o, TestCa ca, Scenarios scenarios, Report report)
    {
        Console.WriteLine($"Release day: preparing {o.ReleaseApplications} eligible applications, {o.ReleaseSeats} seats…");
        var day = await ReleaseDaySeed.PrepareAsync(db, o.ReleaseApplications, o.ReleaseSeats, o.ReleaseParents);
        // A warm-up of its own parents first, not recorded: the portal meets the day's requests
        // with its JIT settled, as a portal that has been up since the window opened does.
        var warm = Math.Min(o.Concurrency, day.Http.Count / 10);
        await SendAsync("release day warm-up", day.Http.Take(warm).ToList(), false);
        var measured = day.Http.Skip(warm).ToList();
        await using var sampler = new MemorySampler(o.Pid);
        var (r, refused) = await SendAsync("release day", measured, true);
        var stored = await StoredAsync(db, day with { Http = measured });
        async Task<(Recorder, int)> SendAsync(string scenario, List<ReleaseApplicant> applicants, bool reportIt)
        {
            var parents = applicants.Select(a => a.Parent).ToList();
            var keys = ca.IssueAll(parents);
            var users = await scenarios.SignInAsync($"{scenario}: sign-in, {o.Concurrency} at once", parents, keys, o.Concurrency, _ => o.Portal, reportIt);
            var refusedHere = 0;
            var recorder = await Recorder.RunAsync(scenario, o.Concurrency, applicants.Count, TimeSpan.FromSeconds(o.ScenarioSeconds), async (i, rec) =>
            {
                var a = applicants[i];
                var start = rec.NowMs;
                var url = $"{o.Portal}/applications/{a.ApplicationId}/releases/{day.ReleaseId}";
                var page = await users[i].GetAsync(url + "?" + string.Join("&", a.RankedPools.Select(p => $"rank={p}")), rec, GetRelease);
                var xml = PortalUser.XmlToSign(page.Body) ?? throw new FormatException($"no XML to sign on the release page of application {a.ApplicationId}");
                var answer = await users[i].PostAsync($"{url}/request", new Dictionary<string, string>
                {
                    ["requestId"] = PortalUser.Hidden(page.Body, "requestId"),
                    ["signedXml"] = keys[a.Parent.Iin].SignAction(xml),
                    ["__RequestVerificationToken"] = PortalUser.Token(page.Body),
                }, rec, PostRequest);
                var ok = answer.Status == HttpStatusCode.Redirect && answer.Location?.EndsWith($"/releases/{day.ReleaseId}", StringComparison.Ordinal) == true;
                if (!ok) Interlocked.Increment(ref refusedHere);
                rec.Add(Whole, start, ok);
            });
            return (recorder, refusedHere);
        }
        var post = r.StatsOf(PostRequest);
        var errors = r.Samples.Count(s => !s.Ok) + (measured.Count - stored);
        foreach (var label in new[] { GetRelease, PostRequest, Whole })
            report.Figure($"release day, {o.Concurrency} at once", label, r.StatsOf(label));
        report.Target("release day: signed request p95 (POST, 64 at once)", "< 300 ms", $"{Report.F(post.P95)} ms", post.P95 < 300);
        report.Target("release day: errors", "0", $"{errors} (answers not as expected {r.Samples.Count(s => !s.Ok)}; rankings missing or different in the database {measured.Count - stored})", errors == 0);
        report.Target("release day: portal memory", "(recorded)", $"{Report.F(sampler.MaxMb, "0")} MB (VmRSS, max over the requests)", true);
        report.Section("Release day over HTTP: setup", $"""
            - one open release (queue order) with every active organisation ({day.Organisations}) and a pool for each birth year of the eligible applications: {day.Pools} pools, {day.Seats:N0} seats; the staff form caps a release at 50 organisations, so Almaty's day would be several releases — one release of all of them is the worst case for the page (every organisation of the child's birth year is a card)
            - {day.Http.Count + day.Inserted:N0} eligible applications (queued, 3 full years, not stop-listed), each with a ranking of 1–5 organisations from ReleaseDayInstance (Zipf popularity, 85 % in the home district); {day.Inserted:N0} requests written by SQL before the run (the day's volume in the tables), {day.Http.Count:N0} parents (one application each) sign in and send theirs over HTTP, {o.Concurrency} at once (the first {warm} as a warm-up, not recorded): GET the release page with the ranking (the portal prepares the XML), sign it with the parent's RSA certificate (XMLDSig, NCALayer's shape), POST it
            - checked by SQL afterwards: {stored:N0} of {measured.Count:N0} measured parents' current requests hold exactly the ranking they signed; refused or unexpected answers: {refused}
            - the portal's memory (VmRSS) over the requests: max {Report.F(sampler.MaxMb, "0")} MB
            """);
        Console.WriteLine($"release day: {stored} of {measured.Count} requests stored; POST p95 {post.P95:F1} ms; errors {errors}");
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
