using Npgsql;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Jobs;

/// An instance without the job server (the second instance behind the proxy; Hangfire:Server
/// false) makes its job storage when it starts, not inside the first request that enqueues a job:
/// made there, Hangfire's schema check ran under the service provider's singleton lock, and on the
/// bench every other request of that instance waited on the lock for minutes.
public sealed class JobStorageStartTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task InstanceWithoutJobServer_PreparesHangfireSchema_BeforeAnyRequest()
    {
        // A database whose Hangfire tables are not there yet (as on a city's first deployment).
        await using (var connection = new NpgsqlConnection(fixture.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("drop schema if exists hangfire cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
        await using var portal = new PortalFactory(fixture.Database);
        _ = portal.Services; // the host is built and started; no request is sent

        await using var check = new NpgsqlConnection(fixture.Database.ConnectionString);
        await check.OpenAsync();
        await using var cmd = new NpgsqlCommand("select to_regclass('hangfire.job') is not null", check);
        Assert.True((bool)(await cmd.ExecuteScalarAsync())!, "the job storage was not prepared when the instance started");
    }
}
