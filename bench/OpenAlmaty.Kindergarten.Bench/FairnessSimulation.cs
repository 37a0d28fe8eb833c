using System.Text;
using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Bench;

/// Who wins seats, first-come against a release, on the same parents with the same ranked lists.
/// A race is the allocation with arrival order as the priority (each parent, as they arrive, takes
/// their best organisation with a seat left — generous to the race: no timeouts, no site down).
/// Arrival: 3 % of clients are bots or paid "catchers" (0–0.2 s after opening); the rest are
/// people, log-normal around 6 s. The share of seats won by the fastest 10 % of clients is the
/// measure: a release that ignores speed gives them about 10 % of the seats.
public static class FairnessSimulation
{
    const double BotShare = 0.03;

    public static string Run()
    {
        var md = new StringBuilder();
        md.AppendLine("### Release day: fairness, first-come against release (simulation, no HTTP)").AppendLine();
        md.AppendLine("Same parents, same ranked lists; only the rule differs. First-come = each parent, in order of arrival, takes their best organisation with a seat left (the picker's race without its failures). " +
            $"Arrival after opening: {BotShare:P0} of clients are bots or paid catchers (0–0.2 s), the rest people (log-normal, median 6 s). " +
            "The fastest 10 % are the first 10 % to arrive.").AppendLine();
        md.AppendLine("| scenario | clients | seats | rule | seats won by the fastest 10 % | their share of the seats | chance of a seat: fastest 10 % | the other 90 % |");
        md.AppendLine("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        Compare(md, "Almaty release day", ReleaseDayInstance.Make(AllocationRule.Lottery), 11);
        Compare(md, "the seat rush's size (20 organisations × 10 seats)", Rush(), 12);
        return md.ToString();
    }

    static void Compare(StringBuilder md, string scenario, AllocationInput input, int seed)
    {
        var random = new Random(seed);
        var arrival = input.Requests.Select(_ => random.NextDouble() < BotShare
            ? 0.2 * random.NextDouble()
            : 6 * Math.Exp(0.9 * Normal(random))).ToArray();
        var byArrival = Enumerable.Range(0, arrival.Length).OrderBy(i => arrival[i]).ToArray();
        var fastest = byArrival.Take(arrival.Length / 10).Select(i => input.Requests[i].Pseudonym).ToHashSet();
        var arrivalRank = new long[arrival.Length];
        for (var k = 0; k < byArrival.Length; k++) arrivalRank[byArrival[k]] = k + 1;
        var race = input with
        {
            Rule = AllocationRule.QueueOrder,
            Requests = [.. input.Requests.Select((r, i) => r with { QueueRank = arrivalRank[i] })],
        };
        var seats = input.Pools.Sum(p => p.Seats);
        Row(md, scenario, input, seats, "first-come (a race)", DeferredAcceptance.Allocate(race), fastest);
        Row(md, scenario, input, seats, "release, lottery", DeferredAcceptance.Allocate(input with { Rule = AllocationRule.Lottery }), fastest);
        Row(md, scenario, input, seats, "release, queue order", DeferredAcceptance.Allocate(input with { Rule = AllocationRule.QueueOrder }), fastest);
    }

    static void Row(StringBuilder md, string scenario, AllocationInput input, int seats, string rule, AllocationResult result, HashSet<string> fastest)
    {
        var seated = result.Placements.Where(p => p.PoolId is not null).Select(p => p.Pseudonym).ToList();
        var won = seated.Count(fastest.Contains);
        var others = input.Requests.Count - fastest.Count;
        md.AppendLine($"| {scenario} | {input.Requests.Count:N0} | {seats:N0} | {rule} | {won:N0} | {Report.F(100.0 * won / seated.Count)} % | " +
            $"{Report.F(100.0 * won / fastest.Count)} % | {Report.F(100.0 * (seated.Count - won) / others)} % |");
    }

    /// The seat rush's parents (2,000, as bench/run.sh's rush) each ranking 1–5 of its 20 organisations.
    static AllocationInput Rush()
    {
        var random = new Random(2021);
        var pools = Enumerable.Range(0, 20).Select(p => new SeatPool($"rush-{p:00}", 10)).ToArray();
        var requests = Enumerable.Range(0, 2000).Select(i =>
        {
            var ranked = pools.Select(p => p.PoolId).ToArray();
            random.Shuffle(ranked);
            return new AllocationRequest($"P{i:0000}-{random.Next(100_000, 1_000_000)}", ranked[..random.Next(1, 6)], i + 1);
        }).ToArray();
        var seed = new byte[32];
        random.NextBytes(seed);
        return new AllocationInput(AllocationRule.Lottery, seed, pools, requests);
    }

    static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
