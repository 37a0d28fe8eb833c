using System.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Applications;
using static OpenAlmaty.Kindergarten.Web.Jobs.JobSql;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// "Why did my queue number change" (issue 13, item 7): once a day, every queued application's
/// number (read by QueueOrderCache, the numbers' one home) is compared with the last snapshot;
/// for each change a row says what moved it, in counts (Domain QueueNumberHistory). Rows are
/// written only on a change, and the snapshot keeps one row per queued application, so a day
/// with nothing new writes nothing. Safe to run twice: a second run the same day finds no change
/// (a change between the runs is added into that day's row). One run at a time (advisory lock).
public sealed class QueueSnapshotJob(AppDbContext db, QueueOrderCache queue, TimeProvider clock, ILogger<QueueSnapshotJob> log)
{
    public sealed record Outcome(int Applications, int Changes, TimeSpan Took);

    public async Task<Outcome> ExecuteAsync(CancellationToken ct)
    {
        var timer = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await using (var lockCmd = Command(db, "select pg_advisory_xact_lock(hashtext('queue-snapshot'))", []))
            await lockCmd.ExecuteNonQueryAsync(ct);
        var before = await SnapshotAsync(ct);
        var years = before.Keys.Union(await YearsInQueueAsync(ct)).Order().ToList();
        var places = new Dictionary<int, List<QueuePlace>>();
        foreach (var year in years) places[year] = await queue.ReadPlacesAsync(year, ct);
        var queued = places.Values.SelectMany(p => p).Select(p => p.Id).ToHashSet();
        var leavers = before.Values.SelectMany(p => p).Where(p => !queued.Contains(p.Id)).Select(p => p.Id).ToArray();
        var reasons = await LeaveReasonsAsync(leavers, now, ct);
        var changes = new List<QueueNumberChange>();
        foreach (var year in years)
            changes.AddRange(QueueNumberHistory.Compare(before.GetValueOrDefault(year) ?? [], places[year],
                id => reasons.GetValueOrDefault(id, QueueLeaveReason.Other)));
        changes = MergeMoves(changes);
        await WriteAsync(AlmatyTime.Today(now), changes, places, before, ct);
        await tx.CommitAsync(ct);
        var outcome = new Outcome(queued.Count, changes.Count, timer.Elapsed);
        log.LogInformation("Queue snapshot: {Applications} queued applications, {Changes} numbers changed, {Seconds:F2} s",
            outcome.Applications, outcome.Changes, outcome.Took.TotalSeconds);
        return outcome;
    }

    private async Task<Dictionary<int, List<QueuePlace>>> SnapshotAsync(CancellationToken ct)
    {
        var result = new Dictionary<int, List<QueuePlace>>();
        await using var cmd = Command(db, "select application_id, birth_year, number, priority_group from queue_snapshot", []);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var year = reader.GetInt32(1);
            if (!result.TryGetValue(year, out var list)) result[year] = list = [];
            list.Add(new QueuePlace(reader.GetInt64(0), reader.GetInt32(2), (PriorityGroup)reader.GetInt32(3)));
        }
        return result;
    }

    private async Task<List<int>> YearsInQueueAsync(CancellationToken ct)
    {
        var years = new List<int>();
        await using var cmd = Command(db, "select distinct birth_year from applications where app_status_in_queue(status)", []);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) years.Add(reader.GetInt32(0));
        return years;
    }

    private async Task<Dictionary<long, QueueLeaveReason>> LeaveReasonsAsync(long[] ids, DateTimeOffset now, CancellationToken ct)
    {
        var result = ids.ToDictionary(id => id, _ => QueueNumberHistory.ReasonOf(null, null, now));
        if (ids.Length == 0) return result;
        await using var cmd = Command(db, """
            select a.id, a.status, c.birth_date from applications a join children c on c.id = a.child_id where a.id = any(@ids)
            """, [P("ids", ids)]);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[reader.GetInt64(0)] = QueueNumberHistory.ReasonOf((ApplicationStatus)reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2), now);
        return result;
    }

    /// An application that moved to another birth year left one year and entered the other: one
    /// change, from its old number to its new one.
    private static List<QueueNumberChange> MergeMoves(List<QueueNumberChange> changes) =>
        [.. changes.GroupBy(c => c.ApplicationId).Select(g => g.Count() == 1 ? g.First() : Moved(g.First(c => c.Number is not null), g.First(c => c.Number is null)))];

    private static QueueNumberChange Moved(QueueNumberChange entered, QueueNumberChange left) =>
        new(entered.ApplicationId, entered.Number, left.Previous, 0, 0, 0, 0, 0, entered.Number!.Value - left.Previous!.Value);

    private async Task WriteAsync(DateOnly today, List<QueueNumberChange> changes, Dictionary<int, List<QueuePlace>> places,
        Dictionary<int, List<QueuePlace>> before, CancellationToken ct)
    {
        if (changes.Count > 0)
            await CountAsync(db, """
                with x as (
                    insert into queue_number_history as h (application_id, day, number, previous, referred_ahead, removed_ahead, aged_out_ahead,
                        privileged_ahead, returned_ahead, other)
                    select a, @day, n, p, r1, r2, r3, r4, r5, r6 from unnest(@a, @n, @p, @r1, @r2, @r3, @r4, @r5, @r6) as t(a, n, p, r1, r2, r3, r4, r5, r6)
                    on conflict (application_id, day) do update set number = excluded.number,
                        referred_ahead = h.referred_ahead + excluded.referred_ahead, removed_ahead = h.removed_ahead + excluded.removed_ahead,
                        aged_out_ahead = h.aged_out_ahead + excluded.aged_out_ahead, privileged_ahead = h.privileged_ahead + excluded.privileged_ahead,
                        returned_ahead = h.returned_ahead + excluded.returned_ahead, other = h.other + excluded.other
                    returning 1)
                select count(*) from x
                """,
                [P("day", today), P("a", changes.Select(c => c.ApplicationId).ToArray()), P("n", changes.Select(c => c.Number).ToArray()),
                 P("p", changes.Select(c => c.Previous).ToArray()), P("r1", changes.Select(c => c.ReferredAhead).ToArray()),
                 P("r2", changes.Select(c => c.RemovedAhead).ToArray()), P("r3", changes.Select(c => c.AgedOutAhead).ToArray()),
                 P("r4", changes.Select(c => c.PrivilegedAhead).ToArray()), P("r5", changes.Select(c => c.ReturnedAhead).ToArray()),
                 P("r6", changes.Select(c => c.Other).ToArray())], ct);
        // Retention: an application keeps the rows its page can show; only those written to today
        // can have gone over, so the delete reads at most that many + 1 rows of each of them.
        if (changes.Count > 0)
            await CountAsync(db, """
                with old as (
                    select application_id, day from (
                        select application_id, day, row_number() over (partition by application_id order by day desc) as n
                        from queue_number_history where application_id = any(@a)) ranked
                    where n > @keep),
                d as (delete from queue_number_history h using old where h.application_id = old.application_id and h.day = old.day returning 1)
                select count(*) from d
                """,
                [P("a", changes.Select(c => c.ApplicationId).ToArray()), P("keep", ApplicationPageQuery.QueueHistoryLength)], ct);
        // The snapshot: rows of those who left go; rows whose number, group or year changed are written.
        var was = before.SelectMany(y => y.Value.Select(p => (Year: y.Key, Place: p))).ToDictionary(x => x.Place.Id);
        var write = places.SelectMany(y => y.Value.Select(p => (Year: y.Key, Place: p)))
            .Where(x => !was.TryGetValue(x.Place.Id, out var w) || w != x).ToList();
        var gone = changes.Where(c => c.Number is null).Select(c => c.ApplicationId).ToArray();
        await CountAsync(db, """
            with d as (delete from queue_snapshot where application_id = any(@gone) returning 1),
                 w as (insert into queue_snapshot (application_id, birth_year, number, priority_group, taken_on)
                       select a, y, n, g, @day from unnest(@a, @y, @n, @g) as t(a, y, n, g)
                       on conflict (application_id) do update set birth_year = excluded.birth_year, number = excluded.number,
                           priority_group = excluded.priority_group, taken_on = excluded.taken_on
                       returning 1)
            select (select count(*) from d) + (select count(*) from w)
            """,
            [P("gone", gone), P("day", today), P("a", write.Select(x => x.Place.Id).ToArray()), P("y", write.Select(x => x.Year).ToArray()),
             P("n", write.Select(x => x.Place.Number).ToArray()), P("g", write.Select(x => (int)x.Place.Group).ToArray())], ct);
    }
}
