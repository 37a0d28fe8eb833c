using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Features.Applications;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// Queue numbers come from the portal's in-memory queue order (QueueOrderCache). Changes are
/// made here on another connection, as another portal instance or a job would: the numbers the
/// portal gives must follow them (the database's NOTIFY after COMMIT), and match the whole
/// year arranged by the domain rule, also after the listening connection is killed.
public sealed class QueueNumberTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const int Year = 2021;
    private static readonly DateTimeOffset Start = new(2024, 1, 10, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ChangesCommittedElsewhere_NumbersFollowThem()
    {
        await using var portal = new PortalFactory(fixture.Database);
        var cache = portal.Services.GetRequiredService<QueueOrderCache>();
        await WaitForAsync(() => Task.FromResult(cache.Listening), "the cache never started listening");
        await using var db = NpgsqlDataSource.Create(fixture.Database.ConnectionString);
        var random = new Random(20261125);
        var watched = new List<long>();
        for (var i = 0; i < 40; i++)
            watched.Add(await InsertAsync(db, (PriorityGroup)random.Next(3), Start.AddHours(random.Next(5000)), i));
        await ExpectExactAsync(portal, db, watched);

        // An out-of-turn child queued before everyone: every watched number moves by one, and
        // nothing on the page itself could tell the portal so.
        await InsertAsync(db, PriorityGroup.OutOfTurn, Start.AddDays(-10), 100);
        await ExpectExactAsync(portal, db, watched);

        // Some leave the queue (referred), one changes its group, one moves to another year.
        await ExecuteAsync(db, $"update applications set status = 3 where id in ({watched[3]}, {watched[17]}, {watched[29]})");
        await ExecuteAsync(db, $"update applications set priority_group = 0 where id = {watched[8]}");
        await ExecuteAsync(db, $"update applications set birth_year = 2022 where id = {watched[21]}");
        await ExpectExactAsync(portal, db, watched);

        // The listening connection dies: while it is away and after it is back, numbers stay exact.
        await ExecuteAsync(db, "select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen queue_changed%' and pid <> pg_backend_pid()");
        await InsertAsync(db, PriorityGroup.OutOfTurn, Start.AddDays(-9), 101);
        await ExpectExactAsync(portal, db, watched);
        await WaitForAsync(() => Task.FromResult(cache.Listening), "the cache did not listen again");
        await InsertAsync(db, PriorityGroup.FirstPriority, Start.AddDays(-8), 102);
        await ExpectExactAsync(portal, db, watched);
    }

    /// A seat taken through one instance (its transaction keeps the trigger silent and notifies
    /// after COMMIT): that instance has the new numbers at once, the other within moments —
    /// without the after-commit notification it would keep the old ones for a minute.
    [Fact]
    public async Task ReferralThroughOneInstance_BothInstancesFollow()
    {
        await using var first = new PortalFactory(fixture.Database);
        await using var second = new PortalFactory(fixture.Database);
        foreach (var portal in new[] { first, second })
        {
            var cache = portal.Services.GetRequiredService<QueueOrderCache>();
            await WaitForAsync(() => Task.FromResult(cache.Listening), "a cache never started listening");
        }
        long ahead, watched;
        int organisation;
        await using (var db = fixture.Database.CreateContext())
        {
            var scenario = new TestData.Scenario(db, first.Clock.GetUtcNow());
            var kindergarten = await scenario.OrganisationAsync();
            await scenario.SeatsAsync(kindergarten, 2022, 1);
            organisation = kindergarten.Id;
            ahead = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2022, 2, 1), queuedAt: Start.AddDays(-30))).Id;
            watched = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2022, 2, 2), queuedAt: Start.AddDays(-29))).Id;
        }
        var key = new QueueKey(watched, 2022, ApplicationStatus.Queued);
        var before = await NumberAsync(first, key);
        Assert.Equal(before, await NumberAsync(second, key));

        await using (var scope = first.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Features.Referrals.ReferralIssuer>()
                .IssueAsync(ahead, organisation, Domain.Kindergartens.OrganisationType.PrivateStateOrder, "родитель", null);

        Assert.Equal(before - 1, await NumberAsync(first, key));
        await WaitForAsync(async () => await NumberAsync(second, key) == before - 1,
            () => $"the other instance still says {before} for the watched application");
    }

    private static async Task<int?> NumberAsync(PortalFactory portal, QueueKey key)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QueuePositions>().ForAsync(key);
    }

    /// The portal's numbers for the watched applications equal the domain's arrangement of the
    /// whole year read from the database; the notification may take a moment, so this waits up
    /// to five seconds for it — a cache that never hears of the change fails here.
    private static async Task ExpectExactAsync(PortalFactory portal, NpgsqlDataSource db, IReadOnlyList<long> watched)
    {
        var expected = await ArrangedAsync(db);
        var keys = await KeysAsync(db, watched);
        IReadOnlyDictionary<long, int> actual = new Dictionary<long, int>();
        await WaitForAsync(async () =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            actual = await scope.ServiceProvider.GetRequiredService<QueuePositions>().ForAsync(keys);
            return keys.All(k => actual.GetValueOrDefault(k.Id) == expected.GetValueOrDefault(k.Id));
        }, () => "numbers differ: " + string.Join(", ", keys
            .Where(k => actual.GetValueOrDefault(k.Id) != expected.GetValueOrDefault(k.Id))
            .Select(k => $"{k.Id}: portal {actual.GetValueOrDefault(k.Id)}, arranged {expected.GetValueOrDefault(k.Id)}")));
    }

    private static async Task<Dictionary<long, int>> ArrangedAsync(NpgsqlDataSource db)
    {
        var rows = new List<(long Id, int Year, PriorityGroup Group, DateTimeOffset At)>();
        await using var cmd = db.CreateCommand("select id, birth_year, priority_group, queued_at from applications where status in (1, 2)");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetInt64(0), reader.GetInt32(1), (PriorityGroup)reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return rows.GroupBy(r => r.Year)
            .SelectMany(y => QueueOrder.Arrange(y, r => r.Group, r => r.At, r => r.Id).Select((r, i) => (r.Id, Position: i + 1)))
            .ToDictionary(x => x.Id, x => x.Position);
    }

    private static async Task<List<QueueKey>> KeysAsync(NpgsqlDataSource db, IReadOnlyList<long> ids)
    {
        var keys = new List<QueueKey>();
        await using var cmd = db.CreateCommand("select id, birth_year, status from applications where id = any($1)");
        cmd.Parameters.AddWithValue(ids.ToArray());
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) keys.Add(new QueueKey(reader.GetInt64(0), reader.GetInt32(1), (ApplicationStatus)reader.GetInt32(2)));
        return keys;
    }

    private static async Task<long> InsertAsync(NpgsqlDataSource db, PriorityGroup group, DateTimeOffset queuedAt, int n)
    {
        await using var cmd = db.CreateCommand($"""
            with p as (insert into people (iin, last_name, first_name, birth_date) values ('{880101300000 + n * 10L:D12}', 'ОЧЕРЕДЬ', 'РОДИТЕЛЬ', '1988-01-01') returning id),
                 c as (insert into children (iin, last_name, first_name, birth_date, sex) values ('{210301500000 + n * 10L:D12}', 'ОЧЕРЕДЬ', 'РЕБЁНОК {n}', '2021-03-01', 0) returning id)
            insert into applications (registration_number, child_id, applicant_id, created_at, queued_at, privilege, priority_group,
              birth_year, preferred_language, status, status_changed_at, expired_referral_count)
            select 'UO.2024.{n:D6}.0', c.id, p.id, $1, $1, 0, $2, {Year}, 1, 1, $1, 0 from p, c
            returning id
            """);
        cmd.Parameters.AddWithValue(queuedAt);
        cmd.Parameters.AddWithValue((int)group);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private static Task WaitForAsync(Func<Task<bool>> condition, string failure) => WaitForAsync(condition, () => failure);

    private static async Task WaitForAsync(Func<Task<bool>> condition, Func<string> failure)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(5); ;)
        {
            if (await condition()) return;
            if (DateTime.UtcNow > deadline) Assert.Fail(failure());
            await Task.Delay(20);
        }
    }
}
