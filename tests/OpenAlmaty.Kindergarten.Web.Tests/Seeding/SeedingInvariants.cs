using Npgsql;

namespace OpenAlmaty.Kindergarten.Web.Tests.Seeding;

/// The domain's invariants as SQL over the whole database: each query counts the rows that break one.
public static class SeedingInvariants
{
    public static readonly IReadOnlyDictionary<string, string> Violations = new Dictionary<string, string>
    {
        ["a child with two active applications"] =
            "select count(*) from (select child_id from applications where status in (1, 2, 3) group by child_id having count(*) > 1) x",
        ["a referred application without exactly one active referral"] =
            "select count(*) from applications a where a.status = 3 and (select count(*) from referrals r where r.application_id = a.id and r.status = 1) <> 1",
        ["an active referral of an application that is not referred"] =
            "select count(*) from referrals r join applications a on a.id = r.application_id where r.status = 1 and a.status <> 3",
        ["an enrolled application without exactly one used referral"] =
            "select count(*) from applications a where a.status = 4 and (select count(*) from referrals r where r.application_id = a.id and r.status = 2) <> 1",
        ["an expired-referral count that differs from the annulled referrals"] =
            "select count(*) from applications a where a.expired_referral_count <> (select count(*) from referrals r where r.application_id = a.id and r.status = 3)",
        ["a negative seat count"] = "select count(*) from seats where free_seats < 0",
        ["a referral valid before it was issued"] = "select count(*) from referrals where valid_until <= issued_at",
        ["an application queued before the child was born"] =
            "select count(*) from applications a join children c on c.id = a.child_id where a.queued_at < c.birth_date",
        ["a birth year that is not the child's"] =
            "select count(*) from applications a join children c on c.id = a.child_id where a.birth_year <> extract(year from c.birth_date)",
        ["an application nobody can see"] =
            "select count(*) from applications a where not exists (select 1 from application_access x where x.application_id = a.id and x.person_id = a.applicant_id)",
        ["a notified application without an offer window"] = "select count(*) from applications where status = 2 and offered_until is null",
    };

    public static async Task AssertAllHoldAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var broken = new List<string>();
        foreach (var (name, sql) in Violations)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var count = (long)(await command.ExecuteScalarAsync())!;
            if (count != 0) broken.Add($"{name}: {count}");
        }
        Assert.Empty(broken);
    }

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
