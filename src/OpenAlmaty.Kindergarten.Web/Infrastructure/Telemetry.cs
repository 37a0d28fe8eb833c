using System.Diagnostics;
using Hangfire.Common;
using Hangfire.Server;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OpenAlmaty.Kindergarten.Web.Infrastructure;

/// OpenTelemetry metrics and traces: ASP.NET Core, Npgsql, HttpClient (OCSP/CRL), and the
/// portal's own (PortalMetrics). Metrics are scraped in Prometheus format at /metrics on a port of
/// their own (Metrics:Port, bound to 127.0.0.1 only), which nginx never forwards; the public port
/// answers /metrics like any unknown page. When OTEL_EXPORTER_OTLP_ENDPOINT is set, traces are
/// recorded and, with the metrics, sent to that collector. Log lines carry the trace id (Serilog
/// reads Activity.Current).
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("openalmaty-kindergarten", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(PortalMetrics.MeterName)
                .AddPrometheusExporter());
        // Spans are made only when a collector receives them: without one, recording a span for
        // every request and every SQL command was work nobody read (issue 14's bench). The log
        // lines' trace id does not need them: ASP.NET Core starts each request's Activity itself
        // while its logging is on.
        if (!string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(t => t
                    .AddAspNetCoreInstrumentation(o => o.Filter = c => c.Request.Path != MetricsPath)
                    .AddHttpClientInstrumentation()
                    .AddNpgsql())
                .UseOtlpExporter();
        }

        if (MetricsPort(config) is { } port)
        {
            // Added to whatever --urls / ASPNETCORE_URLS say, not instead of them.
            var urls = config[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } given ? given : "http://localhost:5000";
            builder.WebHost.UseUrls($"{urls};http://127.0.0.1:{port}");
        }
        lock (JobFilterLock)
        {
            if (!Hangfire.GlobalJobFilters.Filters.Any(f => f.Instance is JobMetricsFilter))
                Hangfire.GlobalJobFilters.Filters.Add(new JobMetricsFilter());
        }
        return builder;
    }

    /// Before everything else: the metrics port serves /metrics and nothing else; the public
    /// port never serves /metrics.
    public static IApplicationBuilder UseTelemetry(this IApplicationBuilder app, IConfiguration config)
    {
        if (MetricsPort(config) is not { } port) return app;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(c => c.Connection.LocalPort == port && c.Request.Path == MetricsPath);
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort != port) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    private static int? MetricsPort(IConfiguration config) => config.GetValue<int?>("Metrics:Port") is > 0 and var port ? port : null;

    private static readonly Lock JobFilterLock = new();

    /// Every Hangfire job run: counted by job and outcome, timed.
    private sealed class JobMetricsFilter : JobFilterAttribute, IServerFilter
    {
        private const string Started = "oa-metrics-started";

        public void OnPerforming(PerformingContext context) => context.Items[Started] = Stopwatch.GetTimestamp();

        public void OnPerformed(PerformedContext context)
        {
            var took = context.Items.TryGetValue(Started, out var start) && start is long ticks ? Stopwatch.GetElapsedTime(ticks) : TimeSpan.Zero;
            PortalMetrics.JobRan(context.BackgroundJob.Job.Type.Name, context.Exception is null || context.ExceptionHandled, took);
        }
    }
}
