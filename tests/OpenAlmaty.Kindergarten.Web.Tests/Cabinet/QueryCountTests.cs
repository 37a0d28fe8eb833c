using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// The journal and the application page send a fixed number of SQL commands whatever the
/// number of applications and history events. Each class instance has its own database, so
/// Parent2's journal here holds only what the journal test puts in it.
public sealed class QueryCountTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    /// Applications (with applicant and child, one joined query). Queue numbers come from the
    /// in-memory queue order (QueueOrderCache), which reads a birth year only after a change to it.
    private const int JournalCommands = 1;

    /// One: the application with its applicant and child, and its history, documents, latest
    /// referral and the free-seat kinds of its birth year as JSON columns of the same row.
    private const int ApplicationPageCommands = 1;

    [Fact]
    public async Task Journal_1And25Applications_SameOneCommand()
    {
        await using var portal = keys.Portal();
        var counter = SqlCommandCounter.On(portal);
        await CabinetData.ApplicationAsync(portal, DemoUsers.Parent2);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        await parent.OpenAsync("/applications");

        CabinetPage one = null!, many = null!;
        var withOne = await counter.DuringAsync(async () => one = await parent.OpenAsync("/applications"));
        for (var i = 0; i < 24; i++) await CabinetData.ApplicationAsync(portal, DemoUsers.Parent2, new DateOnly(2021 + i % 4, 1 + i % 12, 10));
        var withMany = await counter.DuringAsync(async () => many = await parent.OpenAsync("/applications"));

        Assert.Equal(1, Rows(one));
        Assert.Equal(25, Rows(many));
        Assert.True(withOne.Count == JournalCommands, string.Join("\n---\n", withOne));
        Assert.Equal(withOne.Count, withMany.Count);
    }

    [Fact]
    public async Task ApplicationPage_1And200HistoryEvents_SameOneCommand()
    {
        await using var portal = keys.Portal();
        var counter = SqlCommandCounter.On(portal);
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 3);
        await CabinetData.DocumentAsync(portal, application.Id);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var url = $"/applications/{application.Id}";
        await parent.OpenAsync(url);

        CabinetPage one = null!, many = null!;
        var withOne = await counter.DuringAsync(async () => one = await parent.OpenAsync(url));
        await AddCallNotesAsync(portal, application.Id, 199);
        var withMany = await counter.DuringAsync(async () => many = await parent.OpenAsync(url));

        Assert.Equal(1, HistoryItems(one));
        Assert.Equal(200, HistoryItems(many));
        Assert.True(withOne.Count == ApplicationPageCommands, string.Join("\n---\n", withOne));
        Assert.Equal(withOne.Count, withMany.Count);
    }

    private static async Task AddCallNotesAsync(Infrastructure.PortalFactory portal, long applicationId, int count)
    {
        await using var db = portal.Database.CreateContext();
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        var now = portal.Clock.GetUtcNow();
        for (var i = 1; i <= count; i++) application.AddCallNote(now.AddMinutes(i), "СЕЙТКАЛИЕВА АСЕЛЬ", $"Звонок родителя № {i}");
        await db.SaveChangesAsync();
    }

    private static int Rows(CabinetPage journal) => Regex.Matches(journal.Html, "class=\"fw-semibold\">UO\\.").Count;

    private static int HistoryItems(CabinetPage page) => Regex.Matches(page.Html, "<li class=\"border-bottom py-2\">").Count;
}
