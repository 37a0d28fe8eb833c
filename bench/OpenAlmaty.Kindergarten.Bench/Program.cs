using Npgsql;
using OpenAlmaty.Kindergarten.Bench;

// bench/run.sh starts PostgreSQL, pgbench and the portal(s), then this: it prepares the rush's
// parents and seats in the database, runs every HTTP scenario on loopback and writes results.md.
// `ca FOLDER`: make the test CA before the portal starts, so it trusts it from the first request.
if (args is ["ca", var folder])
{
    TestCa.LoadOrCreate(folder).Dispose();
    return 0;
}
// `refusals PORTAL KEYS [N] [PORTAL_LOG]`: the cost of refusing hostile sign-in documents (bench/results.md).
if (args is ["refusals", var refusalsPortal, var refusalsKeys, ..] )
    return await Refusals.RunAsync(refusalsPortal, refusalsKeys, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20,
        args.Length > 4 ? args[4] : null);
// `--only allocation`: the release's allocation and the fairness simulation; pure domain code,
// so it needs neither the database nor a portal and runs before either is asked for.
if (args is ["--only", "allocation", .. var allocationArgs]) return ReleaseDayBench.Run(allocationArgs);
var o = BenchOptions.Parse(args);
ThreadPool.SetMinThreads(128, 128);
await using var db = NpgsqlDataSource.Create(o.Db);
using var http = new HttpClient(new SocketsHttpHandler
{
    UseCookies = false,
    AllowAutoRedirect = false,
    MaxConnectionsPerServer = 512,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
}) { Timeout = TimeSpan.FromSeconds(30) };
var report = new Report();

if (Pgbench.Read(o.PgbenchDir) is { } pg)
{
    o.DbCeilingTps = pg.Tps;
    if (pg.Latency is { } l) report.Figure("database ceiling: pgbench, 64 clients", "seat-taking transaction", l with { PerSecond = pg.Tps });
    report.Section("Database ceiling (pgbench output)", "```\n" + pg.Summary.Trim() + "\n```");
}
else report.Section("Database ceiling", "pgbench did not run: no ratio to the database ceiling.");

using var ca = TestCa.LoadOrCreate(o.Keys);
var scenarios = new Scenarios(http, db, o, report, ca);
var phone = new PhoneScenarios(http, db, o, report, ca, scenarios);
// `--only rush|journal|free|queue|egov|phone`: one scenario against portals that are already running
// (BENCH_HOLD=1 bench/run.sh keeps them), for profiling; prints its figures and writes nothing.
if (o.Only is { } only)
{
    switch (only)
    {
        case "rush":
            var parents = await Cohorts.AddParentsAsync(db, o.FirstCohort, o.Parents);
            var parentKeys = ca.IssueAll([.. parents.Select(p => p.Person)], o.KeyMix);
            var signedIn = await scenarios.SignInAsync("sign-in", [.. parents.Select(p => p.Person)], parentKeys, o.Concurrency, _ => o.Portal, false);
            var rushOrgs = await Cohorts.OpenSeatsAsync(db, o.FirstCohort % PhoneScenarios.OrganisationCohorts, o.Organisations, o.SeatsPerOrganisation);
            await scenarios.RushAsync($"seat rush, {PhoneScenarios.Name(o.KeyMix)}", parents, signedIn, parentKeys, rushOrgs, _ => (o.Portal, o.Portal), [o.Pid]);
            break;
        // Issue 14: NCALayer's and eGov Mobile's sign-in (cohorts N, N+1; --key-mix), or all of
        // issue 14's scenarios (cohorts N … N+5; bench/run.sh with BENCH_ONLY=phone).
        case "egov": await phone.EgovOnlyAsync(o.FirstCohort, o.KeyMix); break;
        case "phone": await phone.RunAsync(o.FirstCohort); break;
        case "journal": await scenarios.JournalAsync(); break;
        case "free": await scenarios.FreeSeatsAsync(); break;
        case "release-day":
            var status = await ReleaseDayHttp.RunAsync(http, db, o, ca, scenarios, report);
            Console.WriteLine(report.Render(Report.Machine(), ""));
            return status;
        case "queue":
            var (y, worst, _) = await DatabaseChecks.LargestYearAsync(db);
            var q = await scenarios.QueueNumberAsync(y, worst, 500);
            report.Figure("queue warm", "http", q.Warm);
            report.Figure("queue cold", "http", q.Cold);
            break;
    }
    Console.WriteLine(report.Render(Report.Machine(), ""));
    return 0;
}
Console.WriteLine("Preparing the rush's parents and their certificates…");
var cohortA = await Cohorts.AddParentsAsync(db, o.FirstCohort, o.Parents);
var keysA = ca.IssueAll([.. cohortA.Select(p => p.Person)]);

Console.WriteLine("Web ceiling (/bench/ping)…");
await scenarios.CeilingAsync();

Console.WriteLine("Warm-up: a small rush of its own, not recorded…");
await scenarios.WarmUpRushAsync(o.FirstCohort + 5, o.Portal);
if (o.Portal2 is { } warmSecond) await scenarios.WarmUpRushAsync(o.FirstCohort + 6, warmSecond);

Console.WriteLine("Sign-in…");
var usersA = await scenarios.SignInAsync($"sign-in, {o.Concurrency} at once", [.. cohortA.Select(p => p.Person)], keysA, o.Concurrency, _ => o.Portal, true);
var idleRss = MemorySampler.ReadMb(o.Pid);

Console.WriteLine("Seat rush, one portal…");
var orgsA = await Cohorts.OpenSeatsAsync(db, o.FirstCohort, o.Organisations, o.SeatsPerOrganisation);
var rush = await scenarios.RushAsync("seat rush, one portal", cohortA, usersA, keysA, orgsA, _ => (o.Portal, o.Portal), [o.Pid]);
await File.WriteAllTextAsync(Path.Combine(o.Out, "seat-rush.svg"), SvgChart.Draw(
    $"Seat rush: {cohortA.Count} parents, {orgsA.Length * o.SeatsPerOrganisation} private seats, {o.Concurrency} at once (one portal)",
    rush.Press.Samples, [(Flows.PostChoose, "#1f77b4"), (Flows.SeatTaken, "#d62728")]));

Console.WriteLine("Journal and application page…");
var (journal, pages) = await scenarios.JournalAsync();

Console.WriteLine("Free-seat page…");
var free = await scenarios.FreeSeatsAsync();
if (free is null) report.Section("Free-seat page under bot polling", "Not available yet: GET /free-seats answers 404 on this build (branch `admin` brings it).");

(RushCheck Check, double MaxRssMb)? twin = null;
if (o.Portal2 is { } second)
{
    Console.WriteLine("Seat rush, two portals on one database…");
    var cohortB = await Cohorts.AddParentsAsync(db, o.FirstCohort + 1, o.Parents);
    var keysB = ca.IssueAll([.. cohortB.Select(p => p.Person)]);
    string PortalOf(int i) => i % 2 == 0 ? o.Portal : second;
    var usersB = await scenarios.SignInAsync("sign-in, two portals", [.. cohortB.Select(p => p.Person)], keysB, o.Concurrency, PortalOf, false);
    var orgsB = await Cohorts.OpenSeatsAsync(db, o.FirstCohort + 1, o.Organisations, o.SeatsPerOrganisation);
    // Each parent's picker comes from one instance and the signed answer goes to the other.
    var r = await scenarios.RushAsync("seat rush, two portals", cohortB, usersB, keysB, orgsB, i => (PortalOf(i), PortalOf(i + 1)), [o.Pid, o.Pid2]);
    twin = (r.Check, r.MaxRssMb);
}
else report.Section("Seat rush, two portals", "Not run: no --portal2.");

Console.WriteLine("Queue number: EXPLAIN and timing…");
// What autovacuum does shortly after the rushes' writes, done now so that the figures do not
// depend on whether it has come round yet (index-only scans skip the heap once it has).
await DatabaseChecks.VacuumApplicationsAsync(db);
var (largestYear, worstId, largestCount) = await DatabaseChecks.LargestYearAsync(db);
var plan = await DatabaseChecks.ExplainQueueYearAsync(db, largestYear);
var usesIndex = plan.Contains("Index Only Scan using ix_applications_queue", StringComparison.Ordinal);
var queue = await scenarios.QueueNumberAsync(largestYear, worstId, 500);
report.Figure("queue number, warm (501 applications, one at a time)", "GET /bench/queue/{id}", queue.Warm);
report.Figure("queue number, warm", "inside the portal (QueuePositions)", queue.WarmInside, format: "0.000");
report.Figure($"queue number, cold: first after a change to {largestYear} ({largestCount} in the queue), 50 times", "GET /bench/queue/{id}", queue.Cold);
report.Figure("queue number, cold", "inside the portal (year read + numbers)", queue.ColdInside, format: "0.000");
report.Section("Queue number: EXPLAIN (ANALYZE, BUFFERS)", $"Queue numbers come from the portal's in-memory queue order (Features/Applications/QueueOrderCache.cs), read again per birth year after PostgreSQL notifies a committed change to it. The read of the largest birth year, {largestYear} ({largestCount} applications in the queue; its last general-group application {worstId} has the highest number):\n\n```\n{plan.TrimEnd()}\n```");

// Issue 14 last, so that its ~8,500 parents queued for 2021 change none of the figures above.
Console.WriteLine("eGov Mobile sign-in and the key mix (issue 14)…");
await phone.RunAsync(o.FirstCohort + 7);

var seats = o.Organisations * o.SeatsPerOrganisation;
var choose = rush.Press.StatsOf(Flows.PostChoose);
var taking = Scenarios.SeatTaking(rush.Press);
report.Target("seat rush throughput (seat-taking transactions/s)", "≥ 50 % of the DB ceiling", $"{Report.F(taking.PerSecond)}/s = {Report.Ratio(taking.PerSecond, o.DbCeilingTps)} of {Report.F(o.DbCeilingTps)} TPS (all presses: {Report.F(choose.PerSecond)}/s)", o.DbCeilingTps > 0 && taking.PerSecond >= 0.5 * o.DbCeilingTps);
report.Target("seat rush p95 (POST choose, all presses)", "< 300 ms", $"{Report.F(choose.P95)} ms (presses that took a seat: {Report.F(taking.P95)} ms)", choose.P95 < 300);
report.Target("seat rush correctness, one portal", $"{seats} referrals, 0 negative, 0 doubled", $"{rush.Check.Referrals}, {rush.Check.NegativeSeats}, {rush.Check.ApplicationsWithTwo}", rush.Check.Exact(seats));
if (twin is { } t)
    report.Target("seat rush correctness, two portals", $"{seats} referrals, 0 negative, 0 doubled", $"{t.Check.Referrals}, {t.Check.NegativeSeats}, {t.Check.ApplicationsWithTwo}", t.Check.Exact(seats));
report.Target("journal p95 at 32 users", "< 30 ms", $"{Report.F(journal.P95)} ms", journal.P95 < 30);
report.Target("journal + application page p95 at 32 users", "< 30 ms", $"{Report.F(pages.P95)} ms", pages.P95 < 30);
report.Target("journal + application page throughput", "≥ 30 % of ping@32", $"{Report.F(pages.PerSecond)}/s = {Report.Ratio(pages.PerSecond, scenarios.Ping32)} of {Report.F(scenarios.Ping32)}/s", pages.PerSecond >= 0.3 * scenarios.Ping32);
if (free is { } f)
    report.Target("free-seat page throughput", "≥ 70 % of ping@32", $"{Report.F(f.PerSecond)}/s = {Report.Ratio(f.PerSecond, scenarios.Ping32)}", f.PerSecond >= 0.7 * scenarios.Ping32);
else report.Target("free-seat page throughput", "≥ 70 % of ping@32", "not available yet", false);
report.Target("queue number of any application", "< 5 ms, with an index", $"warm: max {Report.F(queue.Warm.Max, "0.00")} ms, p95 {Report.F(queue.Warm.P95, "0.00")} ms over HTTP; cold (after a change, worst year): max {Report.F(queue.Cold.Max, "0.00")} ms, p95 {Report.F(queue.Cold.P95, "0.00")} ms; year read: {(usesIndex ? "Index Only Scan on ix_applications_queue" : "no index-only scan")}", queue.Warm.Max < 5 && queue.Cold.Max < 5 && usesIndex);
report.Target("portal memory under the seat rush", "< 400 MB", $"{Report.F(rush.MaxRssMb, "0")} MB (after sign-in, before the rush: {Report.F(idleRss ?? 0, "0")} MB)", rush.MaxRssMb is > 0 and < 400);

var setup = await SetupAsync(db, o);
await File.WriteAllTextAsync(Path.Combine(o.Out, "results.md"), report.Render(Report.Machine(), setup));
Console.WriteLine($"Wrote {Path.Combine(o.Out, "results.md")} and seat-rush.svg.");
return rush.Check.Exact(seats) && (twin is null || twin.Value.Check.Exact(seats)) ? 0 : 1;

static async Task<string> SetupAsync(NpgsqlDataSource db, BenchOptions o)
{
    await using var cmd = db.CreateCommand("""
        select (select count(*) from applications), (select count(*) from organisations), (select count(*) from application_events),
               (select count(*) from referrals), (select count(*) from people)
        """);
    await using var reader = await cmd.ExecuteReaderAsync();
    await reader.ReadAsync();
    return $"""
        ## Setup

        - database after the run: {reader.GetInt64(0)} applications, {reader.GetInt64(1)} organisations, {reader.GetInt64(2)} history events, {reader.GetInt64(3)} referrals, {reader.GetInt64(4)} people (the generator's 100,000 / 900 / 50,000 plus the bench's parents)
        - portal: Release build, `ASPNETCORE_ENVIRONMENT=Testing` (cookies not Secure-only, so plain http on loopback; the demo test CA trusted), `Hangfire:Server=false`, `SignIn:AttemptsPerMinute` lifted (every parent signs in from 127.0.0.1), Serilog at its default levels to a file
        - load: {o.Concurrency} at once for sign-in and the rush, 32 for the pages; each parent has one RSA key and two certificates (AUTH_RSA, RSA) from the demo test CA; every nonce and every choice is signed for real, NCALayer's XMLDSig shape
        - issue 14 (last, on new parents): NCALayer and eGov Mobile sign-in and a one-portal seat rush, all RSA and with the key mix (four parents in five with two GOST-2015-512 keys from the bench's GOST test CA, pinned as a trust anchor); eGov Mobile through the portal's own phone stand-in (EgovMobilePhone)
        - seat rush: {o.Parents} parents with a child born 2021 queued; {o.Organisations} private organisations × {o.SeatsPerOrganisation} seats for 2021 (every other private 2021 seat closed); each parent picks one rush organisation at random
        - chart: [seat-rush.svg](seat-rush.svg)
        """;
}
