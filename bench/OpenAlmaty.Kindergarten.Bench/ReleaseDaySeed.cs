using System.Security.Cryptography;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Bench;

/// One application of the release day: its id, birth year, applicant and ranked pools.
public sealed record ReleaseApplicant(long ApplicationId, int BirthYear, BenchPerson Parent, long[] RankedPools);

/// The release day in the bench's database: every active organisation in one open release with
/// a pool for each birth year of the eligible applications; the parents' rankings are
/// ReleaseDayInstance's (Zipf popularity, mostly in the home district), request i being
/// application i. The first <c>httpParents</c> applications of distinct parents send theirs over
/// HTTP, signed; every other request is written here, as if signed earlier in the window, so the
/// tables hold the day's full volume while the HTTP part is measured.
public static class ReleaseDaySeed
{
    public sealed record Day(long ReleaseId, int Pools, int Seats, IReadOnlyList<ReleaseApplicant> Http, int Inserted, int Organisations);

    public static async Task<Day> PrepareAsync(NpgsqlDataSource db, int applications, int seats, int httpParents)
    {
        var eligible = await EligibleAsync(db, applications);
        if (eligible.Count < applications) Console.WriteLine($"release day: only {eligible.Count} eligible applications in the database (wanted {applications})");
        var organisations = await OrganisationsAsync(db);
        var instance = ReleaseDayInstance.Make(AllocationRule.QueueOrder, requests: eligible.Count, pools: organisations.Count, seats: seats);
        var slotSeats = instance.Pools.Select(p => p.Seats).ToArray();
        var slotOf = instance.Pools.Select((p, i) => (p.PoolId, i)).ToDictionary(x => x.PoolId, x => x.i);
        var perYear = eligible.GroupBy(e => e.BirthYear).ToDictionary(g => g.Key, g => g.Count());

        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var seed = RandomNumberGenerator.GetBytes(32);
        long releaseId;
        await using (var cmd = new NpgsqlCommand("""
            insert into releases (title, rule, opens_at, closes_at, status, created_at, created_by, seed, seed_hash)
            values ('Бенчмарк: день распределения', @rule, now() - interval '1 hour', now() + interval '4 hours', @open, now(), 'bench', @seed, @hash)
            returning id
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("rule", (int)AllocationRule.QueueOrder);
            cmd.Parameters.AddWithValue("open", (int)ReleaseStatus.Open);
            cmd.Parameters.AddWithValue("seed", seed);
            cmd.Parameters.AddWithValue("hash", ReleaseLottery.SeedHash(seed));
            releaseId = (long)(await cmd.ExecuteScalarAsync())!;
        }
        // A pool per organisation and birth year; the slot's seats shared by the years' sizes.
        var rows = new List<(int Org, int Kind, int Year, int Seats)>();
        foreach (var (year, count) in perYear)
            for (var slot = 0; slot < organisations.Count; slot++)
                rows.Add((organisations[slot].Id, organisations[slot].Kind, year, Math.Max(1, (int)Math.Round(slotSeats[slot] * (double)count / eligible.Count))));
        var poolIds = new Dictionary<(int Org, int Year), long>();
        await using (var cmd = new NpgsqlCommand("""
            insert into release_pools (release_id, organisation_id, kind, birth_year, seats, vacant, returned_to_first_come)
            select @release, o, k, y, s, 0, 0 from unnest(@o, @k, @y, @s) as t(o, k, y, s)
            returning organisation_id, birth_year, id
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("release", releaseId);
            cmd.Parameters.AddWithValue("o", rows.Select(r => r.Org).ToArray());
            cmd.Parameters.AddWithValue("k", rows.Select(r => r.Kind).ToArray());
            cmd.Parameters.AddWithValue("y", rows.Select(r => r.Year).ToArray());
            cmd.Parameters.AddWithValue("s", rows.Select(r => r.Seats).ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) poolIds[(reader.GetInt32(0), reader.GetInt32(1))] = reader.GetInt64(2);
        }
        var applicants = eligible.Select((e, i) => e with
        {
            RankedPools = [.. instance.Requests[i].RankedPools.Select(p => poolIds[(organisations[slotOf[p]].Id, e.BirthYear)])],
        }).ToList();
        var parents = new HashSet<long>();
        var http = applicants.Where(a => parents.Add(a.Parent.PersonId)).Take(httpParents).ToList();
        var viaHttp = http.Select(a => a.ApplicationId).ToHashSet();
        var inserted = applicants.Where(a => !viaHttp.Contains(a.ApplicationId)).ToList();
        await using (var cmd = new NpgsqlCommand("""
            insert into release_requests (release_id, application_id, ranked_pool_ids, signed_xml, signed_at, pseudonym)
            select @release, a, r::bigint[], '(bench: written by the seed, not signed over HTTP)', now() - interval '30 minutes', 'bench' || a
            from unnest(@a, @r) as t(a, r)
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("release", releaseId);
            cmd.Parameters.AddWithValue("a", inserted.Select(a => a.ApplicationId).ToArray());
            cmd.Parameters.AddWithValue("r", inserted.Select(a => "{" + string.Join(",", a.RankedPools) + "}").ToArray());
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        await using (var analyze = db.CreateCommand("analyze release_pools; analyze release_requests; analyze releases"))
            await analyze.ExecuteNonQueryAsync();
        return new Day(releaseId, rows.Count, rows.Sum(r => r.Seats), http, inserted.Count, organisations.Count);
    }

    /// Queued, 3 full years old, not stop-listed (the release's eligibility), oldest queue first.
    private static async Task<List<ReleaseApplicant>> EligibleAsync(NpgsqlDataSource db, int count)
    {
        var result = new List<ReleaseApplicant>(count);
        await using var cmd = db.CreateCommand("""
            select a.id, a.birth_year, p.id, p.iin, p.last_name, p.first_name, p.middle_name
            from applications a join children c on c.id = a.child_id join people p on p.id = a.applicant_id
            where app_status_in_queue(a.status) and c.birth_date <= (now() at time zone 'Asia/Almaty')::date - interval '3 years'
              and (a.stop_listed_until is null or a.stop_listed_until < now())
              and exists (select 1 from application_access x where x.application_id = a.id and x.person_id = p.id)
            order by a.queued_at, a.id limit @n
            """);
        cmd.Parameters.AddWithValue("n", count);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result.Add(new ReleaseApplicant(reader.GetInt64(0), reader.GetInt32(1), new BenchPerson(reader.GetInt64(2), reader.GetString(3).Trim(),
                reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)), []));
        return result;
    }

    private static async Task<List<(int Id, int Kind)>> OrganisationsAsync(NpgsqlDataSource db)
    {
        var result = new List<(int, int)>();
        await using var cmd = db.CreateCommand("select id, type from organisations where is_active order by id limit 900");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add((reader.GetInt32(0), reader.GetInt32(1)));
        return result;
    }
}
