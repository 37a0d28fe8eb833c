using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// "Why did my queue number change" (issue 13, item 7): the daily snapshot job on real
/// PostgreSQL, and the parent's application page that explains each change in counts only.
public sealed class QueueHistoryTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task ApplicationPage_ChildAheadReferredThenPrivilegedChildJoined_ExplainsEachChangeWithoutOtherFamiliesData()
    {
        await using var portal = keys.Portal();
        long ahead;
        string aheadNumber;
        await using (var db = keys.Database.CreateContext())
        {
            var scenario = new Scenario(db, portal.Clock.GetUtcNow());
            var neighbour = await scenario.ParentAsync("СОСЕДОВА", "ДИНАРА");
            var application = await scenario.ApplicationAsync(neighbour, CabinetData.Over3, queuedAt: portal.Clock.GetUtcNow().AddDays(-30), childName: "ВПЕРЕДИСТОЯЩИЙ");
            (ahead, aheadNumber) = (application.Id, application.RegistrationNumber);
        }
        var mine = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        await SnapshotAsync(portal);

        // The next day: the child ahead is referred.
        portal.Clock.Advance(TimeSpan.FromDays(1));
        await SetStatusAsync(ahead, ApplicationStatus.Referred);
        Assert.True((await SnapshotAsync(portal)).Changes >= 2); // mine moved up; the referred one left
        Assert.Equal(0, (await SnapshotAsync(portal)).Changes); // run twice the same day: nothing new

        // The day after: a child of a large family (first priority, confirmed) is queued, and
        // the 1:3 order puts them first.
        portal.Clock.Advance(TimeSpan.FromDays(1));
        string privilegedNumber;
        await using (var db = keys.Database.CreateContext())
        {
            var scenario = new Scenario(db, portal.Clock.GetUtcNow());
            var family = await scenario.ParentAsync("ЛЬГОТОВА", "САУЛЕ");
            privilegedNumber = (await scenario.ApplicationAsync(family, CabinetData.Over3, Privilege.LargeFamily, childName: "МНОГОДЕТНЫЙ")).RegistrationNumber;
        }
        await SnapshotAsync(portal);

        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var page = await parent.OpenAsync($"/applications/{mine.Id}");
        Assert.Contains("−1: дети, стоявшие впереди вас, получили направление (1).", page.Text);
        Assert.Contains("+1: впереди вас встали дети с льготой (1).", page.Text);
        Assert.Contains("Первый снимок номера в истории.", page.Text);
        // Newest first: 2 (+1), 1 (−1), 2 (the first snapshot).
        var history = page.Text[page.Text.IndexOf("id=\"queue-history\"", StringComparison.Ordinal)..];
        Assert.Equal(["2", "1", "2"], System.Text.RegularExpressions.Regex.Matches(history, @"<strong>№ (\d+)</strong>").Select(m => m.Groups[1].Value));
        // Counts only: nothing of the other families on the page.
        foreach (var theirs in new[] { "ВПЕРЕДИСТОЯЩИЙ", "МНОГОДЕТНЫЙ", "СОСЕДОВА", "ЛЬГОТОВА", aheadNumber, privilegedNumber })
            Assert.DoesNotContain(theirs, page.Text);
        // Nor can this parent open another family's application (and its history).
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/applications/{ahead}")).StatusCode);

        await parent.GetAsync("/lang/kk");
        var kazakh = await parent.OpenAsync($"/applications/{mine.Id}");
        Assert.Contains("−1: сізден алда тұрған балалар жолдама алды (1).", kazakh.Text);
        Assert.Contains("+1: сізден алда жеңілдігі бар балалар тұрды (1).", kazakh.Text);
    }

    internal static async Task<QueueSnapshotJob.Outcome> SnapshotAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QueueSnapshotJob>().ExecuteAsync(CancellationToken.None);
    }

    private Task SetStatusAsync(long applicationId, ApplicationStatus status) => SetStatusAsync(keys.Database.ConnectionString, applicationId, status);

    /// As another process would (a referral issued elsewhere): the status, as a parameter.
    internal static async Task SetStatusAsync(string connectionString, long applicationId, ApplicationStatus status)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand("update applications set status = $1 where id = $2");
        cmd.Parameters.AddWithValue((int)status);
        cmd.Parameters.AddWithValue(applicationId);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }
}
