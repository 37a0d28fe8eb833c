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

    /// The SQL of QueueOrderCache.QueryText (Features/Applications/QueueOrderCache.cs), word for
    /// word (keep them together): one birth year's queue, read after a change to that year.
    private const string QueueYearSql = """
        select array(select id from applications where status in (1, 2) and birth_year = $1 and priority_group = 0 order by queued_at, id),
               array(select id from applications where status in (1, 2) and birth_year = $1 and priority_group = 1 order by queued_at, id),
               array(select id from applications where status in (1, 2) and birth_year = $1 and priority_group = 2 order by queued_at, id)
        """;

    /// The largest birth year (the most rows for a year read) and its last general-group
    /// application (the highest number in it).
    public static async Task<(int Year, long WorstId, int InQueue)> LargestYearAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("""
            with y as (select birth_year, count(*) as n from applications where status in (1, 2) group by birth_year order by n desc limit 1)
            select y.birth_year, (select id from applications where status in (1, 2) and priority_group = 2 and birth_year = y.birth_year
                                  order by queued_at desc, id desc limit 1), y.n
            from y
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt64(1), (int)reader.GetInt64(2));
    }

    public static async Task VacuumApplicationsAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("vacuum (analyze) applications");
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<string> ExplainQueueYearAsync(NpgsqlDataSource db, int year)
    {
        var plan = new StringBuilder();
        await using var explain = db.CreateCommand("explain (analyze, buffers) " + QueueYearSql);
        explain.Parameters.AddWithValue(year);
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.AppendLine(reader.GetString(0));
        return plan.ToString();
    }

    public static async Task<List<long>> QueuedSampleAsync(NpgsqlDataSource db, int count)
    {
        var ids = new List<long>();
        await using var sample = db.CreateCommand("select id from applications where status in (1, 2) order by random() limit $1");
        sample.Parameters.AddWithValue(count);
        await using var reader = await sample.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// What a committed change to the year makes PostgreSQL send (the triggers of migration
    /// QueueChangeNotifications): the portal reads the year again on its next queue number.
    public static async Task NotifyYearChangedAsync(NpgsqlDataSource db, int year)
    {
        await using var cmd = db.CreateCommand("select pg_notify('queue_changed', $1)");
        cmd.Parameters.AddWithValue(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await cmd.ExecuteNonQueryAsync();
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
