using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Bench;

/// A release at Almaty's scale, from a fixed seed: pools in eight districts; each parent ranks 1–5
/// organisations, mostly in their own district, drawn by Zipf-like popularity (a few organisations
/// wanted by many, a long tail wanted by few), as seat demand in a city is.
public static class ReleaseDayInstance
{
    public const int Districts = 8;
    /// Most parents look near home; the rest across the city.
    const double HomeDistrictShare = 0.85;
    /// Zipf exponent: the k-th most popular organisation is wanted 1/k^s as often as the first.
    const double ZipfExponent = 1.0;

    public static AllocationInput Make(AllocationRule rule, int requests = 50_000, int pools = 900, int seats = 13_000, int seed = 2026)
    {
        var random = new Random(seed);
        var poolIds = Enumerable.Range(0, pools).Select(p => $"org-{p:0000}/2022/{(p % 3 == 0 ? "state" : "private")}").ToArray();
        var seatCounts = SpreadSeats(random, pools, seats);
        // Popularity is unrelated to the pool's number: shuffle which pool gets which Zipf rank.
        var byPopularity = Enumerable.Range(0, pools).ToArray();
        random.Shuffle(byPopularity);
        var city = new Zipf(byPopularity);
        var districts = Enumerable.Range(0, Districts)
            .Select(d => new Zipf([.. byPopularity.Where(p => p % Districts == d)])).ToArray();

        // Queue ranks: the release's order is a subset of the city's queue, so ranks have gaps.
        var ranks = Enumerable.Range(1, requests).Select(r => (long)r * 3 + random.Next(3)).ToArray();
        random.Shuffle(ranks);
        var list = new AllocationRequest[requests];
        var chosen = new HashSet<int>();
        for (var i = 0; i < requests; i++)
        {
            var home = districts[random.Next(Districts)];
            var length = Length(random.NextDouble());
            chosen.Clear();
            var ranked = new List<string>(length);
            while (ranked.Count < length)
            {
                var pool = (random.NextDouble() < HomeDistrictShare ? home : city).Draw(random);
                if (chosen.Add(pool)) ranked.Add(poolIds[pool]);
            }
            list[i] = new AllocationRequest($"R{i:00000}-{random.Next(100_000, 1_000_000)}", ranked, ranks[i]);
        }
        var lotterySeed = new byte[32];
        random.NextBytes(lotterySeed);
        return new AllocationInput(rule, lotterySeed,
            [.. poolIds.Select((id, p) => new SeatPool(id, seatCounts[p]))], list);
    }

    /// How many organisations a parent ranks: 1 → 15 %, 2 → 20 %, 3 → 25 %, 4 → 20 %, 5 → 20 %.
    static int Length(double u) => u switch { < 0.15 => 1, < 0.35 => 2, < 0.60 => 3, < 0.80 => 4, _ => 5 };

    /// Every pool gets at least 2 seats; the rest fall by uneven weights, so sizes vary (2–40).
    static int[] SpreadSeats(Random random, int pools, int seats)
    {
        var counts = Enumerable.Repeat(2, pools).ToArray();
        var weight = Enumerable.Range(0, pools).Select(_ => 0.3 + 1.4 * random.NextDouble()).ToArray();
        var sampler = new Cumulative(weight);
        for (var left = seats - 2 * pools; left > 0; left--) counts[sampler.Draw(random)]++;
        return counts;
    }

    sealed class Zipf(int[] poolsByPopularity)
    {
        readonly Cumulative _weights = new([.. poolsByPopularity.Select((_, k) => 1 / Math.Pow(k + 1, ZipfExponent))]);

        public int Draw(Random random) => poolsByPopularity[_weights.Draw(random)];
    }

    sealed class Cumulative
    {
        readonly double[] _sums;

        public Cumulative(double[] weights)
        {
            _sums = new double[weights.Length];
            var total = 0.0;
            for (var i = 0; i < weights.Length; i++) _sums[i] = total += weights[i];
        }

        public int Draw(Random random)
        {
            var i = Array.BinarySearch(_sums, random.NextDouble() * _sums[^1]);
            return Math.Min(i < 0 ? ~i : i, _sums.Length - 1);
        }
    }
}
