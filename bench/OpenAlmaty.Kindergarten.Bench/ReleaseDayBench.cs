using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Bench;

/// `--only allocation`: the release's allocation at Almaty's scale, timed and checked, and the
/// fairness simulation. Pure domain code: no database, no portal. Prints a markdown section for
/// bench/results.md; `--download FILE` also writes the lottery release's public download.
public static class ReleaseDayBench
{
    public static int Run(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(5);
        var download = args.SkipWhile(a => a != "--download").Skip(1).FirstOrDefault();
        var md = new StringBuilder();
        var ok = true;
        md.AppendLine("## Release day: allocation").AppendLine();
        md.AppendLine(Report.Machine()).AppendLine();
        var queue = ReleaseDayInstance.Make(AllocationRule.QueueOrder);
        var lottery = ReleaseDayInstance.Make(AllocationRule.Lottery);
        md.AppendLine(Describe(queue)).AppendLine();
        md.AppendLine("| rule | runs | min ms | median ms | max ms | CPU ms, median | allocated MB per run | children with a seat | 1st choice | 2nd | 3rd | 4th | 5th | no seat |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var checks = new StringBuilder("| check | queue order | lottery |\n| --- | --- | --- |\n");
        var measured = new List<(AllocationRule Rule, double Median, AllocationResult Result)>();
        foreach (var input in new[] { queue, lottery })
        {
            DeferredAcceptance.Allocate(input); // the JIT's tiers settle first, as in a portal that has been up
            var times = new List<double>();
            var cpu = new List<double>();
            using var process = Process.GetCurrentProcess();
            long bytes = 0;
            AllocationResult result = null!;
            for (var r = 0; r < runs; r++)
            {
                GC.Collect();
                var before = GC.GetAllocatedBytesForCurrentThread();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                result = DeferredAcceptance.Allocate(input);
                times.Add(clock.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            }
            times.Sort();
            cpu.Sort();
            var byChoice = Enumerable.Range(1, 5).Select(k => result.Placements.Count(p => p.ChoiceIndex == k)).ToArray();
            var seated = result.Placements.Count(p => p.PoolId is not null);
            md.AppendLine($"| {input.Rule} | {runs} | {Report.F(times[0])} | {Report.F(times[runs / 2])} | {Report.F(times[^1])} | {Report.F(cpu[runs / 2])} | {Report.F(bytes / 1048576.0)} | " +
                $"{seated} | {string.Join(" | ", byChoice)} | {result.Placements.Count - seated} |");
            measured.Add((input.Rule, times[runs / 2], result));
        }
        var (queueResult, lotteryResult) = (measured[0].Result, measured[1].Result);
        ok &= Check(checks, "no seat allocated twice: placements per pool ≤ its seats", queue, queueResult, lotteryResult, lottery, OverCapacity);
        ok &= Check(checks, "at most one placement per request, and one for every request", queue, queueResult, lotteryResult, lottery, PlacedTwice);
        ok &= Check(checks, "no blocking pair, and every figure consistent (AllocationAudit.Check: problems found)", queue, queueResult, lotteryResult, lottery,
            (i, r) => AllocationAudit.Check(i, r, int.MaxValue).Count);
        ok &= Check(checks, "same input and seed, requests shuffled and seed copied: differences (placements, pools, waiting lists, download bytes)", queue, queueResult, lotteryResult, lottery, Rerun);
        md.AppendLine().Append(checks).AppendLine();

        var worst = measured.Max(m => m.Median);
        md.AppendLine("| target | wanted | measured | met |").AppendLine("| --- | --- | --- | --- |");
        md.AppendLine($"| allocation time, 50,000 requests, 900 pools, 13,000 seats (median of {runs}, slower rule) | < 5 s (aim < 1 s) | {Report.F(worst)} ms | {(worst < 5000 ? "yes" : "**no**")} |");
        md.AppendLine($"| allocation checks | all 0 | {(ok ? "all 0" : "see the checks")} | {(ok ? "yes" : "**no**")} |").AppendLine();
        md.AppendLine(DownloadFigures(lottery, lotteryResult, download)).AppendLine();
        md.AppendLine(HttpNote).AppendLine();
        md.AppendLine(FairnessSimulation.Run());
        Console.WriteLine(md.ToString().TrimEnd());
        return ok ? 0 : 1;
    }

    const string HttpNote = "Requests signed and sent over HTTP, 64 at once, need the portal's release pages; " +
        "they are measured by the release-day scenario of the HTTP bench where the portal has them, not here.";

    static string Describe(AllocationInput input)
    {
        var firstChoices = input.Requests.GroupBy(r => r.RankedPools[0]).Select(g => g.Count()).OrderDescending().ToArray();
        var seats = input.Pools.ToDictionary(p => p.PoolId, p => p.Seats);
        var top = input.Requests.GroupBy(r => r.RankedPools[0]).OrderByDescending(g => g.Count()).First();
        return $"""
            Input ({nameof(ReleaseDayInstance)}, fixed seed): {input.Requests.Count:N0} requests, {input.Pools.Count} pools (organisation × age group × seat kind), {input.Pools.Sum(p => p.Seats):N0} seats ({input.Pools.Min(p => p.Seats)}–{input.Pools.Max(p => p.Seats)} per pool); each request ranks 1–5 pools (mean {input.Requests.Average(r => r.RankedPools.Count):0.00}), 85 % of them in the parent's own district of {ReleaseDayInstance.Districts}, drawn by Zipf popularity (s = 1). The most wanted pool is the first choice of {top.Count()} children for {seats[top.Key]} seats; the 10 most wanted are the first choice of {firstChoices.Take(10).Sum():N0} children; {input.Pools.Count - firstChoices.Length} pools are nobody's first choice. Times are of `DeferredAcceptance.Allocate` as the job calls it: validation, the order (50,000 HMAC-SHA256 lottery numbers for the lottery), the proposals, the waiting lists. One thread; wall-clock times, and the process's CPU time beside them, because the machine is shared with seven other helpers' builds and tests (see the load average above): the wall-clock figures say as much about the neighbours as about the code.
            """;
    }

    static bool Check(StringBuilder table, string what, AllocationInput queue, AllocationResult queueResult, AllocationResult lotteryResult, AllocationInput lottery, Func<AllocationInput, AllocationResult, int> count)
    {
        var (q, l) = (count(queue, queueResult), count(lottery, lotteryResult));
        table.AppendLine($"| {what} | {q} | {l} |");
        return q == 0 && l == 0;
    }

    static int OverCapacity(AllocationInput input, AllocationResult result)
    {
        var taken = result.Placements.Where(p => p.PoolId is not null).GroupBy(p => p.PoolId!).ToDictionary(g => g.Key, g => g.Count());
        return input.Pools.Count(p => taken.GetValueOrDefault(p.PoolId) > p.Seats);
    }

    static int PlacedTwice(AllocationInput input, AllocationResult result) =>
        Math.Abs(result.Placements.Count - input.Requests.Count) + result.Placements.Count - result.Placements.Select(p => p.Pseudonym).Distinct().Count();

    static int Rerun(AllocationInput input, AllocationResult result)
    {
        var shuffled = input.Requests.ToArray();
        new Random(7).Shuffle(shuffled);
        var again = DeferredAcceptance.Allocate(input with { Seed = [.. input.Seed], Requests = shuffled });
        var bytes = Hash(AllocationDocument.Of("bench", input, result, true)) == Hash(AllocationDocument.Of("bench", input, again, true)) ? 0 : 1;
        return (AllocationAudit.FirstDifference(result, again) is null ? 0 : 1) + bytes;
    }

    static string Hash(AllocationDocument document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AllocationJson.Write(document))));

    /// The public download: its size, and what recomputing it costs anyone who checks.
    static string DownloadFigures(AllocationInput input, AllocationResult result, string? path)
    {
        var clock = Stopwatch.StartNew();
        var json = AllocationJson.Write(AllocationDocument.Of("bench-almaty", input, result, revealSeed: true));
        var write = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var read = AllocationJson.Read(json);
        var again = DeferredAcceptance.Allocate(read.ToInput());
        var same = AllocationAudit.FirstDifference(again, read.Result!) is null;
        var check = clock.Elapsed.TotalMilliseconds;
        if (path is not null) File.WriteAllText(path, json);
        return $"The lottery release's public download (`{AllocationJson.Format}`): {Report.F(Encoding.UTF8.GetByteCount(json) / 1048576.0, "0.0")} MB of JSON, written in {Report.F(write, "0")} ms; " +
               $"reading it, recomputing and comparing (what `tools/OpenAlmaty.Kindergarten.Recompute` does) took {Report.F(check, "0")} ms: {(same ? "same result" : "**different result**")}.";
    }
}
