using System.Net;
using Npgsql;

namespace OpenAlmaty.Kindergarten.Bench;

/// The scenarios, each at a fixed concurrency with a bounded count and time.
public sealed class Scenarios(HttpClient http, NpgsqlDataSource db, BenchOptions o, Report report, TestCa ca)
{
    public double Ping32 { get; private set; }
    public double Ping64 { get; private set; }

    public async Task CeilingAsync()
    {
        var anonymous = new PortalUser(http);
        foreach (var c in new[] { 64, 32 })
        {
            var r = await Recorder.RunAsync($"ping {c}", c, 200_000, TimeSpan.FromSeconds(o.CeilingSeconds),
                (_, rec) => anonymous.GetAsync($"{o.Portal}/bench/ping", rec, "GET /bench/ping"));
            var s = r.StatsOf("GET /bench/ping");
            if (c == 64) Ping64 = s.PerSecond; else Ping32 = s.PerSecond;
            report.Figure($"web ceiling, {c} at once", "GET /bench/ping", s);
        }
    }

    /// Signs every parent in (GET /login, sign, POST /login); returns their browsers.
    public async Task<PortalUser[]> SignInAsync(string scenario, IReadOnlyList<BenchPerson> people, Dictionary<string, BenchKeys> keys,
        int concurrency, Func<int, string> portalOf, bool reportIt)
    {
        var users = people.Select(_ => new PortalUser(http)).ToArray();
        var signedIn = 0;
        var r = await Recorder.RunAsync(scenario, concurrency, people.Count, TimeSpan.FromSeconds(o.ScenarioSeconds), async (i, rec) =>
        {
            if (await Flows.SignInAsync(users[i], portalOf(i), keys[people[i].Iin], rec)) Interlocked.Increment(ref signedIn);
        });
        var failed = people.Count - signedIn;
        if (reportIt)
            foreach (var label in new[] { Flows.SignInWhole, Flows.GetLogin, Flows.PostLogin })
                report.Figure(scenario, label, r.StatsOf(label), label == Flows.SignInWhole ? "" : $"ping@{concurrency}",
                    label == Flows.SignInWhole ? 0 : concurrency == 64 ? Ping64 : Ping32);
        Console.WriteLine($"{scenario}: {people.Count - failed} of {people.Count} signed in, {r.ElapsedSeconds:F1} s");
        if (failed > 0) report.Section($"{scenario}: failures", $"{failed} of {people.Count} sign-ins did not end signed in.");
        return users;
    }

    /// The seat rush: every parent opens the picker for one of the rush organisations, signs the
    /// XML the portal prepared and sends it; afterwards the database is checked.
    public async Task<(Recorder Recorder, RushCheck Check, Dictionary<RushOutcome, int> Outcomes, double MaxRssMb)> RushAsync(
        string scenario, IReadOnlyList<RushParent> parents, PortalUser[] users, Dictionary<string, BenchKeys> keys, int[] organisations,
        Func<int, (string Picker, string Choose)> portalsOf, int[] pids)
    {
        var outcomes = Enum.GetValues<RushOutcome>().ToDictionary(x => x, _ => 0);
        var random = new Random(7);
        var chosen = parents.Select(_ => organisations[random.Next(organisations.Length)]).ToArray();
        var samplers = pids.Select(p => new MemorySampler(p)).ToList();
        var r = await Recorder.RunAsync(scenario, o.Concurrency, parents.Count, TimeSpan.FromSeconds(o.ScenarioSeconds), async (i, rec) =>
        {
            var (picker, choose) = portalsOf(i);
            // A parent whose organisation is full goes back to the list and picks another: three tries.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var organisation = attempt == 0 ? chosen[i] : organisations[Random.Shared.Next(organisations.Length)];
                var outcome = await Flows.ChooseAsync(users[i], picker, choose, parents[i].ApplicationId, organisation, keys[parents[i].Person.Iin], rec);
                lock (outcomes) outcomes[outcome]++;
                if (outcome is RushOutcome.Referred or RushOutcome.Refused) break;
            }
        });
        var maxRss = 0.0;
        foreach (var sampler in samplers)
        {
            await sampler.DisposeAsync();
            maxRss = Math.Max(maxRss, sampler.MaxMb);
        }
        var check = await DatabaseChecks.RushAsync(db, [.. parents.Select(p => p.ApplicationId)], organisations);
        foreach (var label in new[] { Flows.RushWhole, Flows.GetPicker, Flows.PostChoose })
            report.Figure(scenario, label, r.StatsOf(label), label == Flows.PostChoose ? "pgbench seat SQL" : "",
                label == Flows.PostChoose ? o.DbCeilingTps : 0);
        report.Section($"{scenario}: outcome", $"""
            - parents: {parents.Count}; seats: {organisations.Length} organisations × {o.SeatsPerOrganisation} = {organisations.Length * o.SeatsPerOrganisation}; {o.Concurrency} at once; {Report.F(r.ElapsedSeconds)} s
            - attempts, as the parents saw them (up to three organisations each): referred {outcomes[RushOutcome.Referred]}, seat taken while signing {outcomes[RushOutcome.SeatTaken]}, no seat left in the chosen organisation {outcomes[RushOutcome.NoSeatOffered]}, refused {outcomes[RushOutcome.Refused]}
            - by SQL: referrals for these applications **{check.Referrals}**, applications now «Выдано направление» {check.ReferredApplications}, seats with a negative count **{check.NegativeSeats}**, applications with two referrals **{check.ApplicationsWithTwo}**, seats left in the rush organisations {check.SeatsLeft} → {(check.Exact(organisations.Length * o.SeatsPerOrganisation) ? "**exact**" : "**NOT EXACT**")}
            - portal memory (VmRSS, max over the rush{(pids.Length > 1 ? ", either instance" : "")}): {Report.F(maxRss, "0")} MB
            """);
        return (r, check, outcomes, maxRss);
    }

    /// 32 parents, each with five applications, read the journal and an application page.
    public async Task<(Stats Journal, Stats Page)> JournalAsync()
    {
        var parents = await Cohorts.FiveApplicationParentsAsync(db, 32);
        var keys = ca.IssueAll([.. parents.Select(p => p.Person)]);
        var users = await SignInAsync("journal: sign-in", [.. parents.Select(p => p.Person)], keys, 32, _ => o.Portal, reportIt: false);
        var r = await Recorder.RunAsync("journal", 32, 1_000_000, TimeSpan.FromSeconds(o.PageSeconds), async (i, rec) =>
        {
            var (user, apps) = (users[i % users.Length], parents[i % users.Length].Applications);
            await user.GetAsync($"{o.Portal}/applications", rec, Flows.Journal);
            await user.GetAsync($"{o.Portal}/applications/{apps[i / users.Length % apps.Length]}", rec, Flows.ApplicationPage);
        });
        var both = Stats.Of([.. r.Samples.Where(s => s.Label is Flows.Journal or Flows.ApplicationPage)], r.ElapsedSeconds);
        report.Figure($"journal, {parents.Count} parents with 5 applications, 32 at once", Flows.Journal, r.StatsOf(Flows.Journal));
        report.Figure($"journal, {parents.Count} parents with 5 applications, 32 at once", Flows.ApplicationPage, r.StatsOf(Flows.ApplicationPage));
        report.Figure($"journal, {parents.Count} parents with 5 applications, 32 at once", "both pages together", both, "ping@32", Ping32);
        return (r.StatsOf(Flows.Journal), both);
    }

    /// Bots polling the public free-seat page; null when the portal has no such page yet.
    public async Task<Stats?> FreeSeatsAsync()
    {
        var anonymous = new PortalUser(http);
        var probe = new Recorder("probe");
        var first = await anonymous.GetAsync($"{o.Portal}/free-seats", probe, "probe");
        // Without the page the fallback policy answers 302 to /login (or 404).
        if (first.Status != HttpStatusCode.OK) return null;
        var r = await Recorder.RunAsync("free seats", 32, 1_000_000, TimeSpan.FromSeconds(o.PageSeconds),
            (_, rec) => anonymous.GetAsync($"{o.Portal}/free-seats", rec, "GET /free-seats"));
        var s = r.StatsOf("GET /free-seats");
        report.Figure("free-seat page, 32 bots at once", "GET /free-seats", s, "ping@32", Ping32);
        return s;
    }
}
