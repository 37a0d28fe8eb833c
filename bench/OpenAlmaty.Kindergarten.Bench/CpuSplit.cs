using System.Globalization;

namespace OpenAlmaty.Kindergarten.Bench;

/// Where the machine's cores went during a measured stretch: CPU seconds (user + system, from
/// /proc/PID/stat) of the portal, of this load generator, and of every PostgreSQL process, and
/// the machine's idle time (/proc/stat). On the 2-core bench machine the three share the cores,
/// so a figure per request says which of them a faster portal would have to shrink.
public sealed class CpuSplit
{
    private static readonly double Tick = 100; // USER_HZ on Linux
    private readonly int _portal;
    private readonly (double Portal, double Self, double Postgres, double Idle) _start;

    private CpuSplit(int portal)
    {
        _portal = portal;
        _start = Read();
    }

    public static CpuSplit Start(int portalPid) => new(portalPid);

    /// "portal 12.3 s, load generator 4.5 s, PostgreSQL 6.7 s, idle 1.2 s; per request: 8.1 / 3.0 / 4.4 ms".
    public string Describe(int requests)
    {
        var now = Read();
        var portal = now.Portal - _start.Portal;
        var self = now.Self - _start.Self;
        var pg = now.Postgres - _start.Postgres;
        var idle = now.Idle - _start.Idle;
        string Ms(double seconds) => requests == 0 ? "–" : (seconds * 1000 / requests).ToString("0.0", CultureInfo.InvariantCulture);
        string S(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
        return $"portal {S(portal)} s, load generator {S(self)} s, PostgreSQL {S(pg)} s, cores idle {S(idle)} s; " +
               $"per request {Ms(portal)} / {Ms(self)} / {Ms(pg)} ms";
    }

    private (double Portal, double Self, double Postgres, double Idle) Read()
    {
        double pg = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            if (Stat(pid) is { } s && s.Comm == "postgres") pg += s.Seconds;
        }
        return (Stat(_portal)?.Seconds ?? 0, Stat(Environment.ProcessId)?.Seconds ?? 0, pg, Idle());
    }

    private static (string Comm, double Seconds)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var open = text.IndexOf('(');
            var close = text.LastIndexOf(')');
            var fields = text[(close + 2)..].Split(' ');
            // Fields after the name: state is [0], utime [11], stime [12].
            var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            return (text[(open + 1)..close], ticks / Tick);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static double Idle()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return double.Parse(cpu[4], CultureInfo.InvariantCulture) / Tick;
    }
}
