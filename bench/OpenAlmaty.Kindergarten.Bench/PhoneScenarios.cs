using System.Globalization;
using System.Text;
using Npgsql;

namespace OpenAlmaty.Kindergarten.Bench;

/// Issue 14, measured: eGov Mobile sign-in beside NCALayer's, and sign-in and the seat rush
/// with today's key mix beside all RSA, in one run on one portal. Every scenario has new
/// parents of its own (a cohort each), so no key is "seen before" by the portal unless the
/// scenario makes it so.
public sealed class PhoneScenarios(HttpClient http, NpgsqlDataSource db, BenchOptions o, Report report, TestCa ca, Scenarios scenarios)
{
    /// The generator makes 270 private organisations; a rush takes 20 at offset cohort × 20, so
    /// the organisations' cohort is taken modulo this.
    public const int OrganisationCohorts = 12;

    /// As many as the RSA warm-up's, fewer on a small trial run.
    private int WarmUpParents => Math.Min(256, o.Parents);

    public static string Name(KeyMix mix) => mix == KeyMix.Rsa ? "all RSA" : "key mix (80 % GOST-2015-512)";

    /// Cohorts <paramref name="first"/> … first + 5: both key kinds, each signed in both ways,
    /// then each kind's seat rush (one portal) by its NCALayer-signed-in parents.
    public async Task RunAsync(int first)
    {
        await WarmUpAsync(first + 4);
        var rows = new StringBuilder("| keys | NCALayer sign-in /s | p95 ms | eGov Mobile sign-in /s | p95 ms | rush: POST choose p95 ms | seat-taking /s | referrals exact |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var mix in new[] { KeyMix.Rsa, KeyMix.Mix })
        {
            var cohort = first + (mix == KeyMix.Rsa ? 0 : 2);
            var signIn = await BothWaysAsync(cohort, mix);
            Console.WriteLine($"Seat rush, one portal, {Name(mix)}…");
            // Fewer seats than parents, so that a small trial run still ends with every seat taken.
            var count = Math.Min(o.Organisations, Math.Max(1, o.Parents / (2 * o.SeatsPerOrganisation)));
            var organisations = await Cohorts.OpenSeatsAsync(db, cohort % OrganisationCohorts, count, o.SeatsPerOrganisation);
            var rush = await scenarios.RushAsync($"seat rush, one portal, {Name(mix)}", signIn.Parents, signIn.Users, signIn.Keys, organisations,
                _ => (o.Portal, o.Portal), [o.Pid]);
            var taking = Scenarios.SeatTaking(rush.Press);
            rows.AppendLine(CultureInfo.InvariantCulture, $"| {Name(mix)} | {Report.F(signIn.Nca.PerSecond)} | {Report.F(signIn.Nca.P95, "0")} | {Report.F(signIn.Egov.PerSecond)} | {Report.F(signIn.Egov.P95, "0")} | " +
                $"{Report.F(rush.Press.StatsOf(Flows.PostChoose).P95, "0")} | {Report.F(taking.PerSecond)} | {(rush.Check.Exact(organisations.Length * o.SeatsPerOrganisation) ? "yes" : "**no**")} |");
        }
        report.Section("eGov Mobile and the key mix beside all RSA (issue 14)", $"""
            {o.Parents} new parents per scenario, {o.Concurrency} at once, one portal. "Key mix": four parents in five carry GOST-2015-512 keys (authentication and signing, a key each, from the bench's GOST development CA), one in five RSA. eGov Mobile sign-in: GET /login, POST /login/egov, the phone stand-in's API 1 GET, API 2 GET, signature and API 2 PUT, which signs the person in (the nonce used up, a session started), then the page's poll, which finds it signed and gives the browser that session's cookie (egov.js polls first 1.5 s after the start; the polls while a person confirms on the phone are left out); the load generator signs on the same cores (as for NCALayer). Warm-up before the measured scenarios, both ways, with the key mix, until the portal's JIT settled: {WarmUp}.

            {rows.ToString().TrimEnd()}
            """);
    }

    /// `--only egov`: a warm-up, then NCALayer's and eGov Mobile's sign-in with the keys of --key-mix.
    public async Task EgovOnlyAsync(int first, KeyMix mix)
    {
        await SignInWarmUpAsync(first + 2);
        await BothWaysAsync(first, mix);
    }

    /// Not recorded: the GOST and eGov Mobile paths run until the portal's JIT has settled on
    /// them (JitSettling), so that the measured scenarios meet a portal that has been up for a
    /// while, as the RSA warm-up does.
    private async Task WarmUpAsync(int cohort)
    {
        Console.WriteLine("Warm-up of the GOST and eGov Mobile paths, not recorded…");
        await scenarios.WarmUpRushAsync(cohort, o.Portal, KeyMix.Mix, WarmUpParents);
        await SignInWarmUpAsync(cohort + 1);
    }

    /// The same parents sign in both ways, with the key mix (both key kinds), round after round
    /// until the JIT is quiet; the line goes into the report.
    private async Task SignInWarmUpAsync(int cohort)
    {
        var parents = await Cohorts.AddParentsAsync(db, cohort, Math.Min(o.Concurrency * 2, WarmUpParents));
        var people = parents.Select(p => p.Person).ToList();
        var keys = ca.IssueAll(people, KeyMix.Mix);
        WarmUp = await JitSettling.WarmUpAsync(http, o.Portal, 8, async _ =>
        {
            await scenarios.SignInAsync("warm-up NCALayer sign-in", people, keys, o.Concurrency, _ => o.Portal, false);
            await EgovSignInAsync("warm-up eGov Mobile sign-in", people, keys);
        });
    }

    /// How the warm-up ended, for the report.
    private string WarmUp { get; set; } = "";

    /// NCALayer's sign-in (cohort) and eGov Mobile's (cohort + 1), in four alternating rounds
    /// (a quarter of each way's parents per round), so that what drifts while the machine runs
    /// (the cache, autovacuum, a busy neighbour) falls on both ways alike; each way's figures are
    /// pooled over its rounds. The comparison line goes to the console and the targets.
    private async Task<(Stats Nca, Stats Egov, List<RushParent> Parents, PortalUser[] Users, Dictionary<string, BenchKeys> Keys)> BothWaysAsync(int cohort, KeyMix mix)
    {
        const int rounds = 4;
        var name = Name(mix);
        Console.WriteLine($"Parents and certificates for sign-in, {name}…");
        var nca = await Cohorts.AddParentsAsync(db, cohort, o.Parents);
        var ncaPeople = nca.Select(p => p.Person).ToList();
        var ncaKeys = ca.IssueAll(ncaPeople, mix);
        var egov = await Cohorts.AddParentsAsync(db, cohort + 1, o.Parents);
        var egovPeople = egov.Select(p => p.Person).ToList();
        var egovKeys = ca.IssueAll(egovPeople, mix);
        var users = new List<PortalUser>();
        var ncaRounds = new List<Recorder>();
        var egovRounds = new List<Recorder>();
        var ncaName = $"sign-in by NCALayer, {o.Concurrency} at once, {name}";
        var egovName = $"sign-in by eGov Mobile, {o.Concurrency} at once, {name}";
        var ncaCpu = new List<string>();
        var egovCpu = new List<string>();
        for (var r = 0; r < rounds; r++)
        {
            var from = r * o.Parents / rounds;
            var count = (r + 1) * o.Parents / rounds - from;
            Console.WriteLine($"Round {r + 1} of {rounds}, {name}: NCALayer, then eGov Mobile, {count} parents each…");
            var cpu = CpuSplit.Start(o.Pid);
            users.AddRange(await scenarios.SignInAsync($"{ncaName}, round {r + 1}", ncaPeople.GetRange(from, count), ncaKeys,
                o.Concurrency, _ => o.Portal, false));
            ncaRounds.Add(scenarios.LastSignInRecorder!);
            ncaCpu.Add(cpu.Describe(count));
            cpu = CpuSplit.Start(o.Pid);
            egovRounds.Add(await EgovSignInAsync($"{egovName}, round {r + 1}", egovPeople.GetRange(from, count), egovKeys));
            egovCpu.Add(cpu.Describe(count));
        }
        foreach (var label in new[] { Flows.SignInWhole, Flows.GetLogin, Flows.PostLogin, Flows.ClientSigns })
            report.Figure(ncaName, label, Recorder.Pooled(ncaRounds, label));
        var egovStats = Recorder.Pooled(egovRounds, EgovFlows.Whole);
        foreach (var label in new[] { EgovFlows.Whole, Flows.GetLogin, EgovFlows.Start, EgovFlows.Phone, Flows.ClientSigns, EgovFlows.Signed })
            report.Figure(egovName, label, Recorder.Pooled(egovRounds, label));
        var ncaStats = Recorder.Pooled(ncaRounds, Flows.SignInWhole);
        Compare(name, ncaStats, egovStats);
        report.Section($"CPU per sign-in, {name}, round by round", string.Join("\n", Enumerable.Range(0, rounds).Select(r =>
            $"- round {r + 1}: NCALayer {ncaCpu[r]}; eGov Mobile {egovCpu[r]}")));
        Console.WriteLine($"CPU per sign-in, {name}, round 4: NCALayer {ncaCpu[^1]}; eGov Mobile {egovCpu[^1]}");
        return (ncaStats, egovStats, nca, [.. users], ncaKeys);
    }

    /// Every parent signs in through eGov Mobile on the portal; the recorder of the sign-ins.
    private async Task<Recorder> EgovSignInAsync(string scenario, IReadOnlyList<BenchPerson> people, Dictionary<string, BenchKeys> keys)
    {
        var users = people.Select(_ => new PortalUser(http)).ToArray();
        var signedIn = 0;
        var r = await Recorder.RunAsync(scenario, o.Concurrency, people.Count, TimeSpan.FromSeconds(o.ScenarioSeconds), async (i, rec) =>
        {
            if (await EgovFlows.SignInAsync(users[i], http, o.Portal, keys[people[i].Iin], rec)) Interlocked.Increment(ref signedIn);
        });
        Console.WriteLine($"{scenario}: {signedIn} of {people.Count} signed in, {r.ElapsedSeconds:F1} s");
        if (signedIn < people.Count) report.Section($"{scenario}: failures", $"{people.Count - signedIn} of {people.Count} eGov Mobile sign-ins did not end signed in.");
        return r;
    }

    /// The issue's target: eGov Mobile's sign-in within 20 % of NCALayer's, in throughput and p95.
    private void Compare(string name, Stats nca, Stats egov)
    {
        var throughput = nca.PerSecond > 0 ? egov.PerSecond / nca.PerSecond : 0;
        var p95 = nca.P95 > 0 ? egov.P95 / nca.P95 : double.PositiveInfinity;
        int Failed(Stats s) => o.Parents - (s.Count - s.Errors);
        var met = throughput >= 0.8 && p95 <= 1.2 && Failed(egov) == 0;
        var measured = $"{Report.F(egov.PerSecond)} vs {Report.F(nca.PerSecond)} sign-ins/s ({Report.F(100 * throughput, "0")} %), " +
            $"p95 {Report.F(egov.P95, "0")} vs {Report.F(nca.P95, "0")} ms ({Report.F(100 * p95, "0")} %), not signed in {Failed(egov)} vs {Failed(nca)}";
        Console.WriteLine($"COMPARISON eGov Mobile vs NCALayer sign-in, {o.Concurrency} at once, {name}: {measured} → within 20 %: {(met ? "yes" : "no")}");
        report.Target($"eGov Mobile sign-in, {o.Concurrency} at once, {name}", "within 20 % of NCALayer sign-in (throughput ≥ 80 %, p95 ≤ 120 %)", measured, met);
    }
}
