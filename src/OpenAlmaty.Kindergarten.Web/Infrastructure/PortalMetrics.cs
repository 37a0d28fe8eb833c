using System.Diagnostics.Metrics;

namespace OpenAlmaty.Kindergarten.Web.Infrastructure;

/// The portal's own measurements, next to what ASP.NET Core, Npgsql and HttpClient report
/// (Infrastructure/Telemetry.cs exports them all). Names follow OpenTelemetry's dotted style;
/// the Prometheus exporter writes them as kindergarten_seats_taken_total and so on.
public static class PortalMetrics
{
    public const string MeterName = "OpenAlmaty.Kindergarten";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> SeatsTaken = Meter.CreateCounter<long>("kindergarten.seats.taken",
        description: "Seats taken by «Подписать и отправить» (a referral issued)");

    private static readonly Counter<long> PressesRefused = Meter.CreateCounter<long>("kindergarten.presses.refused",
        description: "Presses of «Подписать и отправить» that took no seat, by reason");

    private static readonly Counter<long> SignatureVerifications = Meter.CreateCounter<long>("kindergarten.signatures.verified",
        description: "ЭЦП verifications by algorithm and outcome (accepted, or the rejection code)");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("kindergarten.jobs.runs",
        description: "Background job runs by job and outcome");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("kindergarten.jobs.duration", "s",
        "Background job run time");

    private static readonly Gauge<long> OutboxBacklog = Meter.CreateGauge<long>("kindergarten.outbox.backlog",
        description: "Notifications waiting to be sent, as the last delivery run left them");

    public static void SeatTaken() => SeatsTaken.Add(1);

    public static void PressRefused(string reason) => PressesRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void SignatureVerified(string algorithm, string outcome) => SignatureVerifications.Add(1,
        new KeyValuePair<string, object?>("algorithm", algorithm), new KeyValuePair<string, object?>("outcome", outcome));

    public static void JobRan(string job, bool succeeded, TimeSpan took)
    {
        var name = new KeyValuePair<string, object?>("job", job);
        JobRuns.Add(1, name, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));
        JobDuration.Record(took.TotalSeconds, name);
    }

    public static void Backlog(long waiting) => OutboxBacklog.Record(waiting);
}
