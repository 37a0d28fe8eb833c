using Npgsql;
using OpenAlmaty.Kindergarten.Web.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.SignIn;

/// Long-expired nonces, sessions and eGov Mobile transactions are cleared by the requests that
/// add such rows, on the first addition and then every 32nd on an instance (Housekeeping), not
/// on each: a sign-in made two clearing DELETEs, each costly to plan.
public sealed class HousekeepingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public void Due_OnTheFirstAdditionThenEvery32nd_EachTableCountedApart()
    {
        var housekeeping = new Housekeeping();
        var due = Enumerable.Range(1, 2 * Housekeeping.Every + 1).Where(_ => housekeeping.Due(HousekeptTable.LoginNonces)).ToList();
        var sessionsFirst = housekeeping.Due(HousekeptTable.UserSessions);
        var sessionsSecond = housekeeping.Due(HousekeptTable.UserSessions);

        Assert.Equal([1, Housekeeping.Every + 1, 2 * Housekeeping.Every + 1], due);
        Assert.Equal((true, false), (sessionsFirst, sessionsSecond));
    }

    /// The login page issues a nonce each time it is opened: the first opening on a new
    /// instance clears an expired nonce, the next 31 leave one added since, the 33rd clears it.
    [Fact]
    public async Task LoginPage_ClearsLongExpiredNonces_OnTheFirstAndThe33rdOpening()
    {
        await using var portal = new PortalFactory(fixture.Database);
        var browser = portal.CreateClient();
        var longAgo = portal.Clock.GetUtcNow().AddHours(-2);

        await AddExpiredNonceAsync("housekeeping-1", longAgo);
        await LoginForm.OpenAsync(browser);
        var afterFirst = await CountAsync();
        await AddExpiredNonceAsync("housekeeping-2", longAgo);
        for (var opening = 2; opening <= Housekeeping.Every; opening++) await LoginForm.OpenAsync(browser);
        var after32nd = await CountAsync();
        await LoginForm.OpenAsync(browser);

        Assert.Equal((0, 1, 0), (afterFirst, after32nd, await CountAsync()));
    }

    private async Task AddExpiredNonceAsync(string value, DateTimeOffset at)
    {
        await using var db = NpgsqlDataSource.Create(fixture.Database.ConnectionString);
        await using var insert = db.CreateCommand("insert into login_nonces (value, browser, issued_at, expires_at) values ($1, 'test', $2, $2)");
        insert.Parameters.Add(new NpgsqlParameter { Value = value });
        insert.Parameters.Add(new NpgsqlParameter { Value = at });
        await insert.ExecuteNonQueryAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var db = NpgsqlDataSource.Create(fixture.Database.ConnectionString);
        await using var count = db.CreateCommand("select count(*)::int from login_nonces where value like 'housekeeping-%'");
        return (int)(await count.ExecuteScalarAsync())!;
    }
}
