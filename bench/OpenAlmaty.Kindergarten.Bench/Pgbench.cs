using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenAlmaty.Kindergarten.Bench;

/// The database ceiling that bench/run.sh measured with pgbench (bench/seat-take.sql): its
/// summary (pgbench.out) and its per-transaction log (pgbench_log.*, latency in µs, column 3).
public static partial class Pgbench
{
    public static (double Tps, Stats? Latency, string Summary)? Read(string? dir)
    {
        if (dir is null || !File.Exists(Path.Combine(dir, "pgbench.out"))) return null;
        var summary = File.ReadAllText(Path.Combine(dir, "pgbench.out"));
        var tps = Tps().Match(summary);
        if (!tps.Success) return null;
        var latencies = Directory.EnumerateFiles(dir, "pgbench_log*")
            .SelectMany(File.ReadLines)
            .Select(l => l.Split(' '))
            .Where(p => p.Length > 2)
            .Select(p => double.Parse(p[2], CultureInfo.InvariantCulture) / 1000)
            .ToList();
        var tpsValue = double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture);
        return (tpsValue, latencies.Count > 0 ? Stats.OfLatencies(latencies, latencies.Count / tpsValue) : null, summary);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
