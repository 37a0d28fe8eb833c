using System.Collections.Concurrent;
using System.Diagnostics;

namespace OpenAlmaty.Kindergarten.Bench;

/// One timed request: when it started (ms since the scenario began), how long it took, whether
/// it answered as expected.
public readonly record struct Sample(string Label, double StartMs, double LatencyMs, bool Ok);

/// Every latency of one scenario, kept (nothing sampled away), with the scenario's wall time.
public sealed class Recorder(string scenario)
{
    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string Scenario { get; } = scenario;
    public double ElapsedSeconds { get; private set; }
    public IReadOnlyCollection<Sample> Samples => _samples;
    public double NowMs => _clock.Elapsed.TotalMilliseconds;

    public void Add(string label, double startMs, bool ok) => _samples.Enqueue(new Sample(label, startMs, NowMs - startMs, ok));

    public void Stop() => ElapsedSeconds = _clock.Elapsed.TotalSeconds;

    /// Throughput over the label's own span (first start to last end), not the scenario's: a
    /// rush's POSTs stop when the seats are gone while the GETs go on.
    public Stats StatsOf(string label) => Stats.Of(Of(label), SpanSeconds(label));

    /// One label over several recorders (rounds of the same scenario): every latency, and the
    /// throughput over the sum of the rounds' own spans.
    public static Stats Pooled(IReadOnlyCollection<Recorder> rounds, string label) =>
        Stats.Of([.. rounds.SelectMany(r => r.Of(label))], rounds.Sum(r => r.SpanSeconds(label)));

    private List<Sample> Of(string label) => [.. _samples.Where(s => s.Label == label)];

    /// The label's own span in seconds: its first start to its last end.
    private double SpanSeconds(string label)
    {
        var samples = Of(label);
        return samples.Count == 0 ? 0 : (samples.Max(s => s.StartMs + s.LatencyMs) - samples.Min(s => s.StartMs)) / 1000;
    }

    /// Fixed concurrency: <paramref name="concurrency"/> workers take the next of
    /// <paramref name="count"/> items until all are done or <paramref name="limit"/> has passed.
    public static async Task<Recorder> RunAsync(string scenario, int concurrency, int count, TimeSpan limit, Func<int, Recorder, Task> work)
    {
        var recorder = new Recorder(scenario);
        var next = -1;
        var failures = 0;
        var deadline = DateTime.UtcNow + limit;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && DateTime.UtcNow < deadline)
            {
                try
                {
                    await work(i, recorder);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
                {
                    if (Interlocked.Increment(ref failures) <= 3) Console.Error.WriteLine($"{scenario}: {e.GetType().Name}: {e.Message}");
                    recorder.Add("error", recorder.NowMs, false);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        recorder.Stop();
        return recorder;
    }
}

/// Throughput and percentiles of one label.
public sealed record Stats(int Count, int Errors, double PerSecond, double P50, double P95, double P99, double Max)
{
    public static Stats Of(IReadOnlyList<Sample> samples, double seconds)
    {
        if (samples.Count == 0) return new Stats(0, 0, 0, 0, 0, 0, 0);
        var sorted = samples.Select(s => s.LatencyMs).Order().ToArray();
        return new Stats(samples.Count, samples.Count(s => !s.Ok), seconds > 0 ? samples.Count / seconds : 0,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1]);
    }

    public static Stats OfLatencies(IReadOnlyList<double> latencies, double seconds)
    {
        var samples = latencies.Select(l => new Sample("", 0, l, true)).ToList();
        return Of(samples, seconds);
    }

    /// Nearest rank: the smallest latency with at least p of all at or below it.
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
