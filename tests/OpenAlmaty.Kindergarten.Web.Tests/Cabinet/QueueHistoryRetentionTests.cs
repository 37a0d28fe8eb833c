using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;
using static OpenAlmaty.Kindergarten.Web.Tests.Cabinet.QueueHistoryTests;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// The queue-number history's retention, in a database of its own (its applications would move
/// the numbers QueueHistoryTests expects).
public sealed class QueueHistoryRetentionTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    /// Retention: the page shows an application's last 30 changes, so the job keeps no more than
    /// that many rows of an application it writes to (the history cannot grow by a row a day forever).
    [Fact]
    public async Task Snapshot_ApplicationWithOldHistory_KeepsOnlyTheRowsThePageCanShow()
    {
        await using var portal = keys.Portal();
        long ahead;
        await using (var db = keys.Database.CreateContext())
        {
            var scenario = new Scenario(db, portal.Clock.GetUtcNow());
            var neighbour = await scenario.ParentAsync("СОСЕДОВА", "ДИНАРА");
            ahead = (await scenario.ApplicationAsync(neighbour, CabinetData.Over3, queuedAt: portal.Clock.GetUtcNow().AddDays(-30))).Id;
        }
        var mine = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        await SnapshotAsync(portal);
        // Forty older days of changes, as a long season would leave them.
        await using (var data = NpgsqlDataSource.Create(keys.Database.ConnectionString))
        await using (var cmd = data.CreateCommand("""
            insert into queue_number_history (application_id, day, number, previous, referred_ahead, removed_ahead, aged_out_ahead, privileged_ahead, returned_ahead, other)
            select $1, current_date - 400 + g, 2, 2, 0, 0, 0, 0, 0, 0 from generate_series(1, 40) g
            """))
        {
            cmd.Parameters.AddWithValue(mine.Id);
            Assert.Equal(40, await cmd.ExecuteNonQueryAsync());
        }

        portal.Clock.Advance(TimeSpan.FromDays(1));
        await SetStatusAsync(keys.Database.ConnectionString, ahead, ApplicationStatus.Referred);
        await SnapshotAsync(portal);

        await using var db2 = NpgsqlDataSource.Create(keys.Database.ConnectionString);
        await using var count = db2.CreateCommand("select count(*), max(day) = (select max(day) from queue_number_history) from queue_number_history where application_id = $1");
        count.Parameters.AddWithValue(mine.Id);
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(Web.Features.Applications.ApplicationPageQuery.QueueHistoryLength, reader.GetInt64(0));
        Assert.True(reader.GetBoolean(1)); // the newest row (today's change) is among those kept
    }
}
