using System.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Registry;

public sealed record RegistryImportResult(int Lines, int Inserted, int Updated, int Unchanged, IReadOnlyList<string> Rejected, TimeSpan Elapsed);

/// Loads a registry feed: each usable line is streamed by binary COPY into a temporary table,
/// then one INSERT … ON CONFLICT merges it into registry_people. Idempotent: a record that did
/// not change is not written again, and an older feed never overwrites a newer record. One
/// transaction: a feed is in completely or not at all.
public sealed class RegistryImport(AppDbContext db, TimeProvider clock)
{
    /// How many rejected lines are listed by number (the count is always whole).
    public const int RejectedListed = 20;

    private const string MergeSql = """
        insert into registry_people (iin, last_name, first_name, middle_name, birth_date, parent_iins, refreshed_at)
        select distinct on (iin) iin, last_name, first_name, middle_name, birth_date, parent_iins, refreshed_at
        from registry_feed order by iin, line desc
        on conflict (iin) do update set last_name = excluded.last_name, first_name = excluded.first_name,
            middle_name = excluded.middle_name, birth_date = excluded.birth_date, parent_iins = excluded.parent_iins,
            refreshed_at = excluded.refreshed_at
        where registry_people.refreshed_at <= excluded.refreshed_at
          and ((registry_people.last_name, registry_people.first_name, registry_people.middle_name, registry_people.birth_date,
                registry_people.parent_iins, registry_people.refreshed_at)
               is distinct from (excluded.last_name, excluded.first_name, excluded.middle_name, excluded.birth_date,
                excluded.parent_iins, excluded.refreshed_at))
        returning (xmax = 0) as inserted
        """;

    public async Task<RegistryImportResult> ImportAsync(Stream feed, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct) : null;
        try
        {
            var tx = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
            await using (var create = new NpgsqlCommand("""
                create temp table if not exists registry_feed (line int, iin char(12), last_name varchar(100), first_name varchar(100),
                    middle_name varchar(100), birth_date date, parent_iins text[], refreshed_at timestamptz) on commit drop;
                truncate registry_feed;
                """, connection, tx))
                await create.ExecuteNonQueryAsync(ct);

            var rejected = new List<string>();
            var lines = 0;
            var rejectedCount = 0;
            var usable = 0;
            await using (var copy = await connection.BeginBinaryImportAsync(
                "copy registry_feed (line, iin, last_name, first_name, middle_name, birth_date, parent_iins, refreshed_at) from stdin (format binary)", ct))
            {
                using var reader = new StreamReader(feed);
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    lines++;
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    var (p, error) = RegistryFeed.Parse(line);
                    if (p is null)
                    {
                        if (rejectedCount++ < RejectedListed) rejected.Add($"line {lines}: {error}");
                        continue;
                    }
                    usable++;
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(lines, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(p.Iin!, NpgsqlDbType.Char, ct);
                    await copy.WriteAsync(p.LastName!.Trim(), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(p.FirstName!.Trim(), NpgsqlDbType.Varchar, ct);
                    if (string.IsNullOrWhiteSpace(p.MiddleName)) await copy.WriteNullAsync(ct);
                    else await copy.WriteAsync(p.MiddleName.Trim(), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(p.BirthDate!.Value, NpgsqlDbType.Date, ct);
                    await copy.WriteAsync(p.Parents!, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                    await copy.WriteAsync((p.RefreshedAt ?? now).ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                }
                await copy.CompleteAsync(ct);
            }
            if (rejectedCount > RejectedListed) rejected.Add($"… {rejectedCount} lines rejected in all");

            int inserted = 0, updated = 0;
            await using (var merge = new NpgsqlCommand(MergeSql, connection, tx) { CommandTimeout = 600 })
            await using (var result = await merge.ExecuteReaderAsync(ct))
                while (await result.ReadAsync(ct))
                    if (result.GetBoolean(0)) inserted++; else updated++;
            if (own is not null) await own.CommitAsync(ct);
            return new RegistryImportResult(lines, inserted, updated, Math.Max(0, usable - inserted - updated), rejected,
                Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }
}
