using Npgsql;
using NpgsqlTypes;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Bench;

/// A parent of the seat rush and their one queued application (a child born in 2021).
public sealed record RushParent(BenchPerson Person, long ApplicationId);

/// What the rush needs, written straight into the database: parents with valid IINs, children
/// born in 2021 queued in the general group, and private seats for 2021 in a few organisations.
/// IIN serials 1000–4999 are the bench's; the bulk generator uses 5000–9999. A child's IIN is
/// its day in 2021, a boy's or a girl's century digit and a serial 7 apart from the next one's,
/// so that cohorts 0–40 (up to 10,000 parents each) never meet each other or the generator's children.
public static class Cohorts
{
    public const int BirthYear = 2021;

    /// Serials 1000 + 7·slot stay below the generator's 5000 (with room for NewIin's skips).
    private const int MaxChildSlot = (4990 - 1000) / 7;

    public static async Task<List<RushParent>> AddParentsAsync(NpgsqlDataSource db, int cohort, int count)
    {
        var people = new List<(string Iin, string Last, string First, DateOnly Birth)>();
        var children = new List<(string Iin, string Last, string First, DateOnly Birth)>();
        for (var i = 0; i < count; i++)
        {
            var n = cohort * 10_000 + i;
            var birth = new DateOnly(1985, 1, 1).AddDays(n % 3650);
            people.Add((NewIin(birth, 3, 1000 + n / 3650 * 7), "НАГРУЗКА", $"РОДИТЕЛЬ {cohort}-{i:D4}", birth));
            var childBirth = new DateOnly(BirthYear, 1, 1).AddDays(n % 365);
            var (century, slot) = (5 + n / 365 % 2, n / 365 / 2);
            if (slot > MaxChildSlot) throw new ArgumentOutOfRangeException(nameof(cohort), cohort, "the bench's IIN serials end at cohort 40");
            children.Add((NewIin(childBirth, century, 1000 + slot * 7), "НАГРУЗКА", $"РЕБЁНОК {cohort}-{i:D4}", childBirth));
        }
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var personIds = await InsertAsync(connection, "people", people);
        var childIds = await InsertAsync(connection, "children", children);
        var serials = new List<long>();
        await using (var cmd = new NpgsqlCommand($"select nextval('registration_number_seq') from generate_series(1, {count})", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) serials.Add(reader.GetInt64(0));

        var queuedAt = DateTimeOffset.UtcNow.AddDays(-400);
        var times = Enumerable.Range(0, count).Select(i => queuedAt.AddMinutes(i)).ToArray();
        await using var insert = new NpgsqlCommand("""
            insert into applications (registration_number, child_id, applicant_id, created_at, queued_at, privilege, priority_group,
              birth_year, preferred_language, status, status_changed_at, expired_referral_count)
            select r, c, p, t, t, 0, @group, @year, 1, @status, t, 0 from unnest(@r, @c, @p, @t) as x(r, c, p, t)
            returning child_id, id
            """, connection);
        insert.Parameters.AddWithValue("r", serials.Select((s, i) => RegistrationNumber.Format(times[i].Year, s)).ToArray());
        insert.Parameters.AddWithValue("c", childIds);
        insert.Parameters.AddWithValue("p", personIds);
        insert.Parameters.AddWithValue("t", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, times);
        insert.Parameters.AddWithValue("group", (int)PriorityGroup.General);
        insert.Parameters.AddWithValue("year", BirthYear);
        insert.Parameters.AddWithValue("status", (int)ApplicationStatus.Queued);
        var byChild = new Dictionary<long, long>();
        await using (var reader = await insert.ExecuteReaderAsync())
            while (await reader.ReadAsync()) byChild[reader.GetInt64(0)] = reader.GetInt64(1);
        var applicationIds = childIds.Select(c => byChild[c]).ToList();

        await using (var access = new NpgsqlCommand(
            "insert into application_access (application_id, person_id, kind, since) select a, p, 1, now() from unnest(@a, @p) as x(a, p)", connection))
        {
            access.Parameters.AddWithValue("a", applicationIds.ToArray());
            access.Parameters.AddWithValue("p", personIds);
            await access.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return [.. people.Select((p, i) => new RushParent(new BenchPerson(personIds[i], p.Iin, p.Last, p.First, null), applicationIds[i]))];
    }

    /// Closes every private seat for 2021 and opens <paramref name="perOrganisation"/> in each of
    /// <paramref name="organisations"/> private organisations (a different set per cohort).
    public static async Task<int[]> OpenSeatsAsync(NpgsqlDataSource db, int cohort, int organisations, int perOrganisation)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var close = new NpgsqlCommand(
            "update seats set free_seats = 0 where birth_year = @year and organisation_id in (select id from organisations where type = 2)", connection))
        {
            close.Parameters.AddWithValue("year", BirthYear);
            await close.ExecuteNonQueryAsync();
        }
        var ids = new List<int>();
        await using (var pick = new NpgsqlCommand(
            "select id from organisations where type = 2 and is_active order by id offset @skip limit @take", connection))
        {
            pick.Parameters.AddWithValue("skip", cohort * organisations);
            pick.Parameters.AddWithValue("take", organisations);
            await using var reader = await pick.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        }
        await using (var open = new NpgsqlCommand("""
            insert into seats (organisation_id, birth_year, free_seats, updated_at, updated_by)
            select o, @year, @n, now(), 'bench' from unnest(@ids) as x(o)
            on conflict (organisation_id, birth_year) do update set free_seats = excluded.free_seats, priority_until = null
            """, connection))
        {
            open.Parameters.AddWithValue("year", BirthYear);
            open.Parameters.AddWithValue("n", perOrganisation);
            open.Parameters.AddWithValue("ids", ids.ToArray());
            await open.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return [.. ids];
    }

    /// The first generated families: five applications each (GeneratorCommand).
    public static async Task<List<(BenchPerson Person, long[] Applications)>> FiveApplicationParentsAsync(NpgsqlDataSource db, int count)
    {
        var result = new List<(BenchPerson, long[])>();
        await using var cmd = db.CreateCommand("""
            select p.id, p.iin, p.last_name, p.first_name, p.middle_name, array_agg(a.id order by a.id)
            from people p join applications a on a.applicant_id = p.id
            group by p.id having count(*) = 5 order by p.id limit @n
            """);
        cmd.Parameters.AddWithValue("n", count);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result.Add((new BenchPerson(reader.GetInt64(0), reader.GetString(1).Trim(), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)), reader.GetFieldValue<long[]>(5)));
        return result;
    }

    private static async Task<long[]> InsertAsync(NpgsqlConnection connection, string table,
        List<(string Iin, string Last, string First, DateOnly Birth)> rows)
    {
        var sex = table == "children" ? ", sex" : "";
        var sexValue = table == "children" ? ", 0" : "";
        await using var cmd = new NpgsqlCommand($"""
            insert into {table} (iin, last_name, first_name, birth_date{sex})
            select i, l, f, b{sexValue} from unnest(@i, @l, @f, @b) with ordinality as x(i, l, f, b, n) order by n
            returning iin, id
            """, connection);
        cmd.Parameters.AddWithValue("i", rows.Select(r => r.Iin).ToArray());
        cmd.Parameters.AddWithValue("l", rows.Select(r => r.Last).ToArray());
        cmd.Parameters.AddWithValue("f", rows.Select(r => r.First).ToArray());
        cmd.Parameters.AddWithValue("b", rows.Select(r => r.Birth).ToArray());
        var ids = new Dictionary<string, long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids[reader.GetString(0)] = reader.GetInt64(1);
        return [.. rows.Select(r => ids[r.Iin])];
    }

    /// A valid IIN for the birth date: the century-and-sex digit, the first serial from
    /// <paramref name="serial"/> whose check digit exists.
    private static string NewIin(DateOnly birth, int centuryDigit, int serial)
    {
        for (var s = serial; ; s++)
        {
            var body = $"{birth:yyMMdd}{centuryDigit}{s:D4}0";
            if (Iin.CheckDigit(body) is { } check) return string.Concat(body.AsSpan(0, 11), check.ToString());
        }
    }
}
