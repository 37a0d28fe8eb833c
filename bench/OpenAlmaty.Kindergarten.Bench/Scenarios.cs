using System.Net;
using Npgsql;

namespace OpenAlmaty.Kindergarten.Bench;

/// The scenarios, each at a fixed concurrency with a bounded count and time.
public sealed class Scenarios(HttpClient http, NpgsqlDataSource db, BenchOptions o, Report report, TestCa ca)
{
    public double Ping32 { get; private set; }
    public double Ping64 { get; private set; }
    /// The whole sign-in (GET, sign, POST) of the last <see cref="SignInAsync"/>, and its client's signing.
    public Stats LastSignIn { get; private set; } = Stats.Of([], 0);
    public Stats LastSignInSigning { get; private set; } = Stats.Of([], 0);
    public Recorder? LastSignInRecorder { get; private set; }

    public async Task CeilingAsync()
    {
        var anonymous = new PortalUser(http);
        await Recorder.RunAsync("ping warm-up", 32, 1_000_000, TimeSpan.FromSeconds(o.WarmUpSeconds),
            (_, rec) => anonymous.GetBytesAsync($"{o.Portal}/bench/ping", rec, "GET /bench/ping"));
        foreach (var c in new[] { 64, 32 })
        {
            var r = await Recorder.RunAsync($"ping {c}", c, 200_000, TimeSpan.FromSeconds(o.CeilingSeconds),
                (_, rec) => anonymous.GetBytesAsync($"{o.Portal}/bench/ping", rec, "GET /bench/ping"));
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
        LastSignIn = r.StatsOf(Flows.SignInWhole);
        LastSignInSigning = r.StatsOf(Flows.ClientSigns);
        LastSignInRecorder = r;
        if (reportIt)
            foreach (var label in new[] { Flows.SignInWhole, Flows.GetLogin, Flows.PostLogin })
                report.Figure(scenario, label, r.StatsOf(label), label == Flows.SignInWhole ? "" : $"ping@{concurrency}",
                    label == Flows.SignInWhole ? 0 : concurrency == 64 ? Ping64 : Ping32);
        Console.WriteLine($"{scenario}: {people.Count - failed} of {people.Count} signed in, {r.ElapsedSeconds:F1} s");
        if (failed > 0) report.Section($"{scenario}: failures", $"{failed} of {people.Count} sign-ins did not end signed in.");
        return users;
    }

    /// A small rush of its own cohort first, not recorded: sign-in, picker and "Подписать и
    /// отправить" run a few hundred times, so that the measured rush meets a portal that has been
    /// up (as it is when seats open), not one whose JIT is still at its first tier.
    public async Task WarmUpRushAsync(int cohort, string portal, KeyMix mix = KeyMix.Rsa, int count = 256)
    {
        var parents = await Cohorts.AddParentsAsync(db, cohort, count);
        var keys = ca.IssueAll([.. parents.Select(p => p.Person)], mix);
        var users = await SignInAsync("warm-up sign-in", [.. parents.Select(p => p.Person)], keys, o.Concurrency, _ => portal, false);
        var organisations = await Cohorts.OpenSeatsAsync(db, cohort, 2, 10);
        await RushAsync("warm-up rush", parents, users, keys, organisations, _ => (portal, portal), [], reportIt: false);
    }

    /// The seat rush, in the two moves every parent makes when the seats open: first each opens
    /// the picker on a rush organisation while it still shows free seats and signs the prepared
    /// XML (NCALayer, on the parent's own computer); then all press "Подписать и отправить" at
    /// once, <see cref="BenchOptions.Concurrency"/> at a time. Afterwards the database is checked.
    public async Task<(Recorder Press, RushCheck Check, Dictionary<RushOutcome, int> Outcomes, double MaxRssMb)> RushAsync(
        string scenario, IReadOnlyList<RushParent> parents, PortalUser[] users, Dictionary<string, BenchKeys> keys, int[] organisations,
        Func<int, (string Picker, string Choose)> portalsOf, int[] pids, bool reportIt = true)
    {
        var outcomes = Enum.GetValues<RushOutcome>().ToDictionary(x => x, _ => 0);
        var random = new Random(7);
        var chosen = parents.Select(_ => organisations[random.Next(organisations.Length)]).ToArray();
        var samplers = pids.Select(p => new MemorySampler(p)).ToList();
        var prepared = new Flows.Prepared?[parents.Count];
        var open = await Recorder.RunAsync(scenario, o.Concurrency, parents.Count, TimeSpan.FromSeconds(o.ScenarioSeconds), async (i, rec) =>
        {
            var (picker, choose) = portalsOf(i);
            prepared[i] = await Flows.OpenPickerAsync(users[i], picker, choose, parents[i].ApplicationId, chosen[i], keys[parents[i].Person.Iin], rec);
        });
        var press = await Recorder.RunAsync(scenario, o.Concurrency, parents.Count, TimeSpan.FromSeconds(o.ScenarioSeconds), async (i, rec) =>
        {
            var start = rec.NowMs;
            var outcome = prepared[i] is { } p ? await Flows.PressAsync(users[i], p, rec) : RushOutcome.NoSeatOffered;
            if (outcome == RushOutcome.Referred) rec.Add(Flows.SeatTaken, start, true);
            lock (outcomes) outcomes[outcome]++;
        });
        var maxRss = 0.0;
        foreach (var sampler in samplers)
        {
            await sampler.DisposeAsync();
            maxRss = Math.Max(maxRss, sampler.MaxMb);
        }
        var check = await DatabaseChecks.RushAsync(db, [.. parents.Select(p => p.ApplicationId)], organisations);
        if (!reportIt) return (press, check, outcomes, maxRss);
        report.Figure(scenario, $"{Flows.GetPicker}, seats still free", open.StatsOf(Flows.GetPicker));
        report.Figure(scenario, $"{Flows.PostChoose}, all at once", press.StatsOf(Flows.PostChoose));
        var taking = SeatTaking(press);
        report.Figure(scenario, $"{Flows.SeatTaken} (per second: referrals from the first press to the last referral)", taking,
            "pgbench seat-taking transaction", o.DbCeilingTps);
        report.Section($"{scenario}: outcome", $"""
            - parents: {parents.Count}; seats: {organisations.Length} organisations × {o.SeatsPerOrganisation} = {organisations.Length * o.SeatsPerOrganisation}; {o.Concurrency} at once; pickers opened in {Report.F(open.ElapsedSeconds)} s, then every "Подписать и отправить" in {Report.F(press.ElapsedSeconds)} s
            - presses, as the parents saw them: referred {outcomes[RushOutcome.Referred]}, seat taken while signing {outcomes[RushOutcome.SeatTaken]}, no seat shown by the picker {outcomes[RushOutcome.NoSeatOffered]}, refused {outcomes[RushOutcome.Refused]}
            - by SQL: referrals for these applications **{check.Referrals}**, applications now «Выдано направление» {check.ReferredApplications}, seats with a negative count **{check.NegativeSeats}**, applications with two referrals **{check.ApplicationsWithTwo}**, seats left in the rush organisations {check.SeatsLeft} → {(check.Exact(organisations.Length * o.SeatsPerOrganisation) ? "**exact**" : "**NOT EXACT**")}
            - portal memory (VmRSS, max over the rush{(pids.Length > 1 ? ", either instance" : "")}): {Report.F(maxRss, "0")} MB
            """);
        return (press, check, outcomes, maxRss);
    }

    /// The presses that took a seat, with their rate over the time from the first press to the
    /// last referral: the portal's seat-taking transactions per second, set against pgbench's.
    public static Stats SeatTaking(Recorder press)
    {
        var all = press.Samples.Where(s => s.Label == Flows.PostChoose).ToList();
        var taken = press.Samples.Where(s => s.Label == Flows.SeatTaken).ToList();
        if (all.Count == 0 || taken.Count == 0) return Stats.Of([], 0);
        var seconds = (taken.Max(s => s.StartMs + s.LatencyMs) - all.Min(s => s.StartMs)) / 1000;
        return Stats.Of(taken, seconds);
    }

    /// 32 parents, each with five applications, read the journal and an application page.
    public async Task<(Stats Journal, Stats Page)> JournalAsync()
    {
        var parents = await Cohorts.FiveApplicationParentsAsync(db, 32);
        var keys = ca.IssueAll([.. parents.Select(p => p.Person)]);
        var users = await SignInAsync("journal: sign-in", [.. parents.Select(p => p.Person)], keys, 32, _ => o.Portal, reportIt: false);
        async Task VisitAsync(int i, Recorder rec)
        {
            var (user, apps) = (users[i % users.Length], parents[i % users.Length].Applications);
            await user.GetBytesAsync($"{o.Portal}/applications", rec, Flows.Journal);
            await user.GetBytesAsync($"{o.Portal}/applications/{apps[i / users.Length % apps.Length]}", rec, Flows.ApplicationPage);
        }
        // Warm-up, not recorded: the JIT's tiers settle on these pages first.
        await Recorder.RunAsync("journal warm-up", 32, 1_000_000, TimeSpan.FromSeconds(o.WarmUpSeconds), VisitAsync);
        var r = await Recorder.RunAsync("journal", 32, 1_000_000, TimeSpan.FromSeconds(o.PageSeconds), VisitAsync);
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
        await Recorder.RunAsync("free seats warm-up", 32, 1_000_000, TimeSpan.FromSeconds(o.WarmUpSeconds),
            (_, rec) => anonymous.GetBytesAsync($"{o.Portal}/free-seats", rec, "GET /free-seats"));
        var r = await Recorder.RunAsync("free seats", 32, 1_000_000, TimeSpan.FromSeconds(o.PageSeconds),
            (_, rec) => anonymous.GetBytesAsync($"{o.Portal}/free-seats", rec, "GET /free-seats"));
        var s = r.StatsOf("GET /free-seats");
        report.Figure("free-seat page, 32 bots at once", "GET /free-seats", s, "ping@32", Ping32);
        return s;
    }

    /// The queue number of any application as the pages get it (GET /bench/queue/{id}, one at a
    /// time): warm, for random queued applications and the worst one; cold, the first number
    /// after a change to the largest birth year, when the portal reads the whole year again.
    public async Task<(Stats Warm, Stats WarmInside, Stats Cold, Stats ColdInside)> QueueNumberAsync(int year, long worstId, int samples)
    {
        var anonymous = new PortalUser(http);
        var ids = await DatabaseChecks.QueuedSampleAsync(db, samples);
        ids.Add(worstId);
        var inside = new List<double>();
        async Task Ask(Recorder rec, long id, string label)
        {
            var answer = await anonymous.GetAsync($"{o.Portal}/bench/queue/{id}", rec, label);
            inside.Add(double.Parse(answer.Body.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) / 1000);
        }
        // Every year read once first: warm means no change since.
        foreach (var id in ids) await Ask(new Recorder("queue warm-up"), id, "warm-up");
        inside.Clear();
        var warm = new Recorder("queue number, warm");
        foreach (var id in ids) await Ask(warm, id, "warm");
        warm.Stop();
        var warmInside = Stats.OfLatencies(inside, warm.ElapsedSeconds);
        inside.Clear();
        var cold = new Recorder("queue number, cold");
        for (var i = 0; i < 50; i++)
        {
            await DatabaseChecks.NotifyYearChangedAsync(db, year);
            await Task.Delay(50);
            await Ask(cold, worstId, "cold");
        }
        cold.Stop();
        return (warm.StatsOf("warm"), warmInside, cold.StatsOf("cold"), Stats.OfLatencies(inside, cold.ElapsedSeconds));
    }
}
