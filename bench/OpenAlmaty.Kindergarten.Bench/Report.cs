using System.Globalization;
using System.Text;

namespace OpenAlmaty.Kindergarten.Bench;

/// bench/results.md: the machine, the figures (each with its ceiling), the targets, the checks.
public sealed class Report
{
    private readonly StringBuilder _figures = new(), _targets = new(), _sections = new();

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ratio(double value, double ceiling) => ceiling > 0 ? F(100 * value / ceiling, "0") + " %" : "—";

    public void Figure(string scenario, string what, Stats s, string ceilingName = "", double ceiling = 0, string format = "0.0")
    {
        if (_figures.Length == 0)
            _figures.AppendLine("| scenario | request | count | errors | per second | p50 ms | p95 ms | p99 ms | max ms | ceiling | ratio |")
                .AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
        _figures.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {what} | {s.Count} | {s.Errors} | {F(s.PerSecond)} | {F(s.P50, format)} | " +
            $"{F(s.P95, format)} | {F(s.P99, format)} | {F(s.Max, format == "0.0" ? "0" : format)} | {ceilingName} | {(ceiling > 0 ? Ratio(s.PerSecond, ceiling) : "—")} |");
    }

    public void Target(string what, string target, string measured, bool met)
    {
        if (_targets.Length == 0) _targets.AppendLine("| target | wanted | measured | met |").AppendLine("| --- | --- | --- | --- |");
        _targets.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {target} | {measured} | {(met ? "yes" : "**no**")} |");
    }

    public void Section(string title, string markdown) => _sections.AppendLine($"## {title}").AppendLine().AppendLine(markdown.TrimEnd()).AppendLine();

    public string Render(string machine, string setup)
    {
        var md = new StringBuilder();
        md.AppendLine("# Seat rush benchmark: results").AppendLine();
        md.AppendLine(machine.TrimEnd()).AppendLine();
        md.AppendLine(setup.TrimEnd()).AppendLine();
        md.AppendLine("## Targets (issue 7)").AppendLine().Append(_targets).AppendLine();
        md.AppendLine("## Every figure").AppendLine();
        md.AppendLine("Latencies are measured by the load generator from request start to the last byte of the answer; " +
            "\"per second\" is the count over the request kind's own span (first start to last end).").AppendLine();
        md.Append(_figures).AppendLine();
        md.Append(_sections);
        return md.ToString();
    }

    public static string Machine()
    {
        string Read(string file, string prefix) => File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
        return $"""
            - date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC
            - cores (nproc): {Environment.ProcessorCount}; CPU: {Read("/proc/cpuinfo", "model name")}
            - memory: {Read("/proc/meminfo", "MemTotal")}; load average when the report was written: {load}
            - .NET {Environment.Version}; the portal, PostgreSQL and the load generator share these cores
            """;
    }
}
