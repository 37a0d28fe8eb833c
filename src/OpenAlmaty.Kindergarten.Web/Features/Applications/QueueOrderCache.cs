using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

/// The queue order of each birth year, held in memory and kept exact by PostgreSQL itself:
/// triggers on applications (migration QueueChangeNotifications) send NOTIFY queue_changed with
/// the birth year whenever a change can move anyone's number, and PostgreSQL delivers a
/// notification only once its transaction has committed. A year is read again (one index-only
/// scan of ix_applications_queue) after such a notification, never from a cache the database
/// has not vouched for:
/// - a year's entry is used only while this instance is listening and no notification for the
///   year came since the read began;
/// - a read that overlapped a notification answers its own request but is not kept;
/// - a lost listening connection drops every year until it listens again.
/// Each instance of the portal listens on its own connection, so two instances stay exact too.
///
/// The seat-taking transaction is the one exception to "the trigger notifies": NOTIFY makes
/// committing transactions go one at a time, and a seat transaction holds the seat row while it
/// waits. It sets <see cref="NotifyAfterCommitSetting"/>, the trigger stays silent, and after
/// COMMIT the portal calls <see cref="Changed"/>: this instance drops the year at once, and a
/// background sender notifies the others a moment later (years coalesced). Should the process
/// stop in between, other instances would keep the year until its next change; a year is never
/// kept longer than <see cref="MaxAge"/> for that reason.
public sealed class QueueOrderCache(IConfiguration config, ILogger<QueueOrderCache> log) : BackgroundService
{
    public const string Channel = "queue_changed";
    public const string NotifyAfterCommitSetting = "oa.queue_notify_after_commit";
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    /// The payload that drops every year (TRUNCATE, or a change of birth year).
    public const string AllYears = "*";

    // Keepalive: a listening connection that the network dropped is noticed within a minute.
    private readonly NpgsqlDataSource _db = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(config.GetConnectionString("Default")) { KeepAlive = 30 }.ConnectionString);
    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _generations = [];
    private readonly Dictionary<int, Year> _years = [];
    private readonly Dictionary<int, Year> _loading = [];
    private readonly HashSet<int> _toNotify = [];
    private readonly SemaphoreSlim _notifySignal = new(0);
    private long _epoch;
    private bool _listening;

    /// Queue numbers of one birth year by application id, as of a moment after the last
    /// committed change this instance has heard of.
    private sealed record Year(long Epoch, long Generation, Task<IReadOnlyDictionary<long, int>> Positions)
    {
        public long ReadAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// After COMMIT of a transaction that set <see cref="NotifyAfterCommitSetting"/>: this
    /// instance forgets the year now, the other instances hear of it from the sender.
    public void Changed(int birthYear)
    {
        lock (_gate)
        {
            Invalidate(birthYear);
            _toNotify.Add(birthYear);
        }
        _notifySignal.Release();
    }

    public bool Listening { get { lock (_gate) return _listening; } }

    /// The year's positions. <paramref name="stale"/> says that the caller saw the cached year
    /// disagree with the database (an application in the queue that it has no number for, or
    /// the other way round): the year is read again.
    public async Task<IReadOnlyDictionary<long, int>> YearAsync(int birthYear, bool stale = false)
    {
        Year year;
        lock (_gate)
        {
            if (stale) Invalidate(birthYear);
            var generation = _generations.GetValueOrDefault(birthYear);
            if (_listening && _years.TryGetValue(birthYear, out var cached) && cached.Epoch == _epoch && cached.Generation == generation
                && System.Diagnostics.Stopwatch.GetElapsedTime(cached.ReadAt) < MaxAge)
                return cached.Positions.Result;
            // One read per year at a time: requests that arrive meanwhile wait for the same read.
            if (!_loading.TryGetValue(birthYear, out year!) || year.Epoch != _epoch || year.Generation != generation)
            {
                year = new Year(_epoch, generation, Task.Run(() => LoadAsync(birthYear)));
                _loading[birthYear] = year;
            }
        }
        IReadOnlyDictionary<long, int> positions;
        try
        {
            positions = await year.Positions;
        }
        finally
        {
            lock (_gate)
                if (_loading.TryGetValue(birthYear, out var loading) && ReferenceEquals(loading, year)) _loading.Remove(birthYear);
        }
        lock (_gate)
        {
            if (_listening && year.Epoch == _epoch && year.Generation == _generations.GetValueOrDefault(birthYear))
                _years[birthYear] = year;
        }
        return positions;
    }

    /// The whole birth year: each priority group's ids in queue order, as three arrays in one
    /// row; each number is QueueOrder.Position of the application's rank in its group.
    private async Task<IReadOnlyDictionary<long, int>> LoadAsync(int birthYear)
    {
        var places = await ReadPlacesAsync(birthYear);
        var positions = new Dictionary<long, int>(places.Count);
        foreach (var place in places) positions[place.Id] = place.Number;
        return positions;
    }

    /// The year read now (never from the cache), each application with its number and group:
    /// for the daily snapshot of the numbers (Jobs/QueueSnapshotJob), which needs both from one
    /// statement so that they agree.
    public async Task<List<QueuePlace>> ReadPlacesAsync(int birthYear, CancellationToken ct = default)
    {
        long[][] groups;
        await using (var cmd = _db.CreateCommand(QueryText))
        {
            cmd.Parameters.AddWithValue(birthYear);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            groups = [reader.GetFieldValue<long[]>(0), reader.GetFieldValue<long[]>(1), reader.GetFieldValue<long[]>(2)];
        }
        var (outOfTurn, first, general) = (groups[0].Length, groups[1].Length, groups[2].Length);
        var places = new List<QueuePlace>(outOfTurn + first + general);
        for (var g = 0; g < groups.Length; g++)
            for (var rank = 1; rank <= groups[g].Length; rank++)
                places.Add(new QueuePlace(groups[g][rank - 1], QueueOrder.Position((PriorityGroup)g, rank, outOfTurn, first, general), (PriorityGroup)g));
        return places;
    }

    /// One birth year's queue: three index-only scans of ix_applications_queue, one per priority
    /// group, each already in queue order (docs/decisions/0005 shows the plan). app_status_in_queue is the enum's
    /// "in the queue", inlined by PostgreSQL, so the partial index matches (Data/StatusSql).
    public const string QueryText = """
        select array(select id from applications where app_status_in_queue(status) and birth_year = $1 and priority_group = 0 order by queued_at, id),
               array(select id from applications where app_status_in_queue(status) and birth_year = $1 and priority_group = 1 order by queued_at, id),
               array(select id from applications where app_status_in_queue(status) and birth_year = $1 and priority_group = 2 order by queued_at, id)
        """;

    /// Under _gate: a read begun before this is not kept, and the kept year is dropped.
    private void Invalidate(int birthYear)
    {
        _generations[birthYear] = _generations.GetValueOrDefault(birthYear) + 1;
        _years.Remove(birthYear);
    }

    private void Heard(string payload)
    {
        lock (_gate)
        {
            if (payload != AllYears && int.TryParse(payload, System.Globalization.CultureInfo.InvariantCulture, out var year))
                Invalidate(year);
            else DropAll();
        }
    }

    private void DropAll()
    {
        _epoch++;
        _years.Clear();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sender = SendNotificationsAsync(stoppingToken);
        await ListenAsync(stoppingToken);
        await sender;
    }

    /// Sends what <see cref="Changed"/> collected: one statement for all the years waiting.
    private async Task SendNotificationsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await _notifySignal.WaitAsync(stoppingToken); } catch (OperationCanceledException) { break; }
            int[] years;
            lock (_gate)
            {
                years = [.. _toNotify];
                _toNotify.Clear();
            }
            if (years.Length == 0) continue;
            try
            {
                await using var cmd = _db.CreateCommand($"select pg_notify('{Channel}', y::text) from unnest($1::int[]) as y");
                cmd.Parameters.AddWithValue(years);
                await cmd.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                log.LogWarning("Queue numbers: could not notify other instances ({Error}); trying again", e.Message);
                lock (_gate) _toNotify.UnionWith(years);
                try { await Task.Delay(500, stoppingToken); } catch (OperationCanceledException) { break; }
                _notifySignal.Release();
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _db.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                lock (_gate)
                {
                    // Whatever was read before this connection listened may have missed a change.
                    DropAll();
                    _listening = true;
                }
                log.LogInformation("Queue numbers: listening for {Channel}", Channel);
                delay = TimeSpan.FromMilliseconds(200);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException or TimeoutException)
            {
                log.LogWarning("Queue numbers: not listening ({Error}); every number is read from the database until it listens again", e.Message);
            }
            finally
            {
                lock (_gate)
                {
                    _listening = false;
                    DropAll();
                }
            }
            try { await Task.Delay(delay, stoppingToken); } catch (OperationCanceledException) { break; }
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _db.Dispose();
    }
}
