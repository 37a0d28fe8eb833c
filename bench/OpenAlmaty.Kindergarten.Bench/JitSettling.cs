using System.Globalization;

namespace OpenAlmaty.Kindergarten.Bench;

/// A warm-up that goes on until the portal's code has settled. .NET compiles a method three
/// times on its way to its fast form (quickly; then, after 30 calls and a pause, with counters;
/// then, after 30 more, optimised), on one background thread. A measured run that meets this
/// work in progress gives the compiler a share of the two cores that a portal up since the
/// morning would not: in the release day's first measurement it was 17–30 % of the samples
/// while the signed requests were sent. So the warm-up repeats its round, waits for the
/// compiler to go quiet (the tools' /bench/jit), and stops once a round compiled almost nothing.
public static class JitSettling
{
    /// A round that makes the JIT compile fewer methods than this is taken as settled.
    private const int Quiet = 40;

    /// Runs <paramref name="round"/> (round number from 1) until settled or <paramref name="maxRounds"/>;
    /// returns a line for the report ("3 rounds; compiled 4,210 → 12 methods in the last").
    public static async Task<string> WarmUpAsync(HttpClient http, string portal, int maxRounds, Func<int, Task> round)
    {
        var before = await CompiledAsync(http, portal);
        if (before is null)
        {
            // A portal without the tools' endpoints: a fixed warm-up of three rounds.
            for (var r = 1; r <= 3; r++) { await round(r); await Task.Delay(TimeSpan.FromSeconds(2)); }
            return "3 rounds (the portal does not report its JIT)";
        }
        var counts = new List<long>();
        for (var r = 1; r <= maxRounds; r++)
        {
            await round(r);
            var after = await QuietAsync(http, portal);
            counts.Add(after - before.Value);
            Console.WriteLine($"warm-up round {r}: the JIT compiled {after - before.Value} methods");
            before = after;
            if (counts[^1] < Quiet && r >= 2) break;
        }
        return $"{counts.Count} rounds; methods compiled per round (with the pause after it): " +
               string.Join(" → ", counts.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)));
    }

    /// Waits until the compiled-method count stays the same for a second (at most 30 s).
    private static async Task<long> QuietAsync(HttpClient http, string portal)
    {
        var last = await CompiledAsync(http, portal) ?? 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await CompiledAsync(http, portal) ?? 0;
            if (now == last) return now;
            last = now;
        }
        return last;
    }

    private static async Task<long?> CompiledAsync(HttpClient http, string portal)
    {
        try
        {
            using var answer = await http.GetAsync($"{portal}/bench/jit");
            if (!answer.IsSuccessStatusCode) return null;
            var text = await answer.Content.ReadAsStringAsync();
            return long.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
