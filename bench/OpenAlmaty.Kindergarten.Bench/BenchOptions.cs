using System.Globalization;

namespace OpenAlmaty.Kindergarten.Bench;

/// Command line: --name value pairs (bench/run.sh passes them all).
public sealed class BenchOptions
{
    public string Portal { get; init; } = "http://127.0.0.1:5191";
    public string? Portal2 { get; init; }
    public int Pid { get; init; }
    public int Pid2 { get; init; }
    public string Db { get; init; } = "";
    public string Keys { get; init; } = ".data/bench/keys";
    public string Out { get; init; } = "bench";
    public string? PgbenchDir { get; init; }
    public int Parents { get; init; } = 2000;
    /// The first cohort's number (each cohort has its own IINs and organisations): a second run
    /// on the same database passes 2.
    public int FirstCohort { get; init; }
    public int Organisations { get; init; } = 20;
    public int SeatsPerOrganisation { get; init; } = 10;
    public int Concurrency { get; init; } = 64;
    public int ScenarioSeconds { get; init; } = 180;
    public int CeilingSeconds { get; init; } = 10;
    public int PageSeconds { get; init; } = 15;
    public int WarmUpSeconds { get; init; } = 5;
    public double DbCeilingTps { get; set; }
    public string? Only { get; init; }
    /// `--key-mix rsa|mix`: the parents' keys for `--only rush` and `--only egov` (TestCa.IssueAll).
    public KeyMix KeyMix { get; init; }
    /// The release day (`--only release-day`): eligible applications, seats, parents over HTTP.
    public int ReleaseApplications { get; init; } = 50_000;
    public int ReleaseSeats { get; init; } = 13_000;
    public int ReleaseParents { get; init; } = 3000;

    public static BenchOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"expected --name value, got {args[i]}");
            map[args[i][2..]] = args[i + 1];
        }
        string? S(string name) => map.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        int I(string name, int fallback) => S(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions
        {
            Portal = S("portal") ?? "http://127.0.0.1:5191",
            Portal2 = S("portal2"),
            Pid = I("pid", 0),
            Pid2 = I("pid2", 0),
            Db = S("db") ?? throw new ArgumentException("--db (a connection string) is required"),
            Keys = S("keys") ?? ".data/bench/keys",
            Out = S("out") ?? "bench",
            PgbenchDir = S("pgbench"),
            Parents = I("parents", 2000),
            FirstCohort = I("first-cohort", 0),
            Organisations = I("organisations", 20),
            SeatsPerOrganisation = I("seats-per-organisation", 10),
            Concurrency = I("concurrency", 64),
            ScenarioSeconds = I("scenario-seconds", 180),
            CeilingSeconds = I("ceiling-seconds", 10),
            PageSeconds = I("page-seconds", 15),
            Only = S("only"),
            KeyMix = S("key-mix") switch
            {
                null or "rsa" => KeyMix.Rsa,
                "mix" => KeyMix.Mix,
                var other => throw new ArgumentException($"--key-mix is rsa or mix, not {other}"),
            },
            WarmUpSeconds = I("warm-up-seconds", 5),
            ReleaseApplications = I("release-applications", 50_000),
            ReleaseSeats = I("release-seats", 13_000),
            ReleaseParents = I("release-parents", 3000),
        };
    }
}
