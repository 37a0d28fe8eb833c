using System.Diagnostics;
using System.Text;
using Npgsql;

namespace OpenAlmaty.Kindergarten.Bench;

/// What the database says after a rush: the figures that must be exact.
public sealed record RushCheck(long Referrals, long ReferredApplications, long NegativeSeats, long ApplicationsWithTwo, long SeatsLeft)
{
    public bool Exact(int seats) => Referrals == seats && ReferredApplications == seats && NegativeSeats == 0 && ApplicationsWithTwo == 0 && SeatsLeft == 0;
}

public static class DatabaseChecks
{
    public static async Task<RushCheck> RushAsync(NpgsqlDataSource db, long[] applications, int[] organisations)
    {
        await using var cmd = db.CreateCommand("""
            select
              (select count(*) from referrals where application_id = any(@apps)),
              (select count(*) from applications where id = any(@apps) and status = 3),
              (select count(*) from seats where free_seats < 0),
              (select count(*) from (select application_id from referrals where application_id = any(@apps)
                 group by application_id having count(*) > 1) twice),
              (select coalesce(sum(free_seats), 0) from seats where organisation_id = any(@orgs) and birth_year = 2021)
            """);
        cmd.Parameters.AddWithValue("apps", applications);
        cmd.Parameters.AddWithValue("orgs", organisations);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new RushCheck(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// The SQL of Features/Applications/QueuePositions.cs, word for word (keep them together).
    private const string QueuePositionsSql = """
        select me.id as id, me.priority_group as priority_group,
          (select count(*) from applications a where a.status in (1, 2) and a.birth_year = me.birth_year and a.priority_group = 0) as out_of_turn,
          (select count(*) from applications a where a.status in (1, 2) and a.birth_year = me.birth_year and a.priority_group = 1) as first_priority,
          (select count(*) from applications a where a.status in (1, 2) and a.birth_year = me.birth_year and a.priority_group = 2) as general,
          (select count(*) from applications a where a.status in (1, 2) and a.birth_year = me.birth_year and a.priority_group = me.priority_group
             and (a.queued_at, a.id) <= (me.queued_at, me.id)) as rank
        from applications me
        where me.id = any(@ids) and me.status in (1, 2)
        """;

    /// EXPLAIN (ANALYZE, BUFFERS) for the worst case (the last general-group application of the
    /// largest birth year), then the query timed for a few hundred queued applications.
    public static async Task<(string Plan, long WorstId, Stats Timing)> QueuePositionsAsync(NpgsqlDataSource db, int samples)
    {
        long worst;
        await using (var pick = db.CreateCommand("""
            select id from applications where status in (1, 2) and priority_group = 2 and birth_year =
              (select birth_year from applications where status in (1, 2) group by birth_year order by count(*) desc limit 1)
            order by queued_at desc, id desc limit 1
            """))
            worst = (long)(await pick.ExecuteScalarAsync())!;
        var plan = new StringBuilder();
        await using (var explain = db.CreateCommand("explain (analyze, buffers) " + QueuePositionsSql))
        {
            explain.Parameters.AddWithValue("ids", new[] { worst });
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) plan.AppendLine(reader.GetString(0));
        }
        var ids = new List<long>();
        await using (var sample = db.CreateCommand("select id from applications where status in (1, 2) order by random() limit @n"))
        {
            sample.Parameters.AddWithValue("n", samples);
            await using var reader = await sample.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        }
        ids.Add(worst);
        var latencies = new List<double>();
        await using var connection = await db.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            await using var cmd = new NpgsqlCommand(QueuePositionsSql, connection);
            cmd.Parameters.AddWithValue("ids", new[] { id });
            var start = Stopwatch.GetTimestamp();
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync()) { }
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return (plan.ToString(), worst, Stats.OfLatencies(latencies, clock.Elapsed.TotalSeconds));
    }
}

/// The portal's resident memory (VmRSS from /proc/PID/status), sampled every 100 ms.
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler(int pid) => _loop = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            if (ReadMb(pid) is { } mb) { MaxMb = Math.Max(MaxMb, mb); Count++; }
            try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { break; }
        }
    });

    public double MaxMb { get; private set; }
    public int Count { get; private set; }

    public static double? ReadMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
