using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// Family A is Parent1, family B is Parent2. B changes ids in URLs and forms to reach A's
/// application: every answer is 404 and nothing changes in the database.
public sealed class OwnershipTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task ApplicationPages_AnotherFamilysIds_NotFoundAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var a = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var own = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent2);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 2);
        var document = await CabinetData.DocumentAsync(portal, a.Id);
        var owner = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var b = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        string[] urls =
        [
            $"/applications/{a.Id}", $"/applications/{a.Id}/private?org={organisation}", $"/applications/{a.Id}/state",
            $"/applications/{a.Id}/withdraw", $"/applications/{a.Id}/documents/{document}",
        ];
        var before = await CabinetData.StateAsync(keys.Database, a.Id);

        var forB = new List<HttpStatusCode>();
        foreach (var url in urls) forB.Add((await b.GetAsync(url)).StatusCode);
        var documentThroughOwnApplication = (await b.GetAsync($"/applications/{own.Id}/documents/{document}")).StatusCode;
        var after = await CabinetData.StateAsync(keys.Database, a.Id);
        var forOwner = new List<HttpStatusCode>();
        foreach (var url in urls) forOwner.Add((await owner.GetAsync(url)).StatusCode);

        Assert.All(forB, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(HttpStatusCode.NotFound, documentThroughOwnApplication);
        Assert.Equal(before, after);
        Assert.All(forOwner, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task ChooseAndWithdraw_PostedWithAnotherFamilysApplicationId_NotFoundAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var a = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var own = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent2);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 2);
        var b = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        // B's own requests, properly signed by B: only the application id in the URL is A's.
        var choosePage = await b.OpenAsync($"/applications/{own.Id}/private?org={organisation}");
        var withdrawPage = await b.OpenAsync($"/applications/{own.Id}/withdraw");
        var before = await CabinetData.StateAsync(keys.Database, a.Id);
        var ownBefore = await CabinetData.StateAsync(keys.Database, own.Id);

        var choose = await b.SignAndSendAsync(choosePage, action: $"/applications/{a.Id}/choose");
        var withdraw = await b.SignAndSendAsync(withdrawPage, action: $"/applications/{a.Id}/withdraw");

        Assert.Equal(HttpStatusCode.NotFound, choose.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(before, await CabinetData.StateAsync(keys.Database, a.Id));
        Assert.Equal(ownBefore, await CabinetData.StateAsync(keys.Database, own.Id));
        Assert.Equal(2, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, choosePage.RequestId));
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, withdrawPage.RequestId));
    }

    [Fact]
    public async Task Choose_FormCarriesAnotherFamilysRequestId_RefusedAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var a = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var own = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent2);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 2);
        var owner = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var b = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var ownersPage = await owner.OpenAsync($"/applications/{a.Id}/private?org={organisation}");
        var pageOfB = await b.OpenAsync($"/applications/{own.Id}");
        var before = await CabinetData.StateAsync(keys.Database, a.Id);
        var ownBefore = await CabinetData.StateAsync(keys.Database, own.Id);

        // A's request (its id and XML) signed by B and posted on B's own application.
        var response = await b.PostAsync($"/applications/{own.Id}/choose", pageOfB, b.SignedFields(ownersPage));
        var shown = await b.FollowAsync(response);

        Assert.Equal("Документ подписан ключом другого человека: ИИН в подписи не совпадает с ИИН, под которым вы вошли.", shown.Error);
        Assert.Equal(before, await CabinetData.StateAsync(keys.Database, a.Id));
        Assert.Equal(ownBefore, await CabinetData.StateAsync(keys.Database, own.Id));
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, ownersPage.RequestId));
    }

    [Fact]
    public async Task Journal_TwoFamiliesAndAnAttachedApplication_ListsOnlyOwnAndAttached()
    {
        await using var portal = keys.Portal();
        var a = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var own = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent2);
        var attached = await AttachedToParent2Async(portal);
        var owner = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var b = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);

        var journalOfB = await b.OpenAsync("/applications");
        var journalOfA = await owner.OpenAsync("/applications");

        Assert.Contains($"href=\"/applications/{own.Id}\"", journalOfB.Html);
        Assert.Contains($"href=\"/applications/{attached.Id}\"", journalOfB.Html);
        Assert.Contains(attached.RegistrationNumber, journalOfB.Html);
        Assert.DoesNotContain($"href=\"/applications/{a.Id}\"", journalOfB.Html);
        Assert.DoesNotContain(a.RegistrationNumber, journalOfB.Html);
        Assert.Contains(a.RegistrationNumber, journalOfA.Html);
        Assert.DoesNotContain(own.RegistrationNumber, journalOfA.Html);
        Assert.DoesNotContain(attached.RegistrationNumber, journalOfA.Html);
    }

    /// A third family's application that Parent2 attached to their IIN.
    private static async Task<Application> AttachedToParent2Async(Infrastructure.PortalFactory portal)
    {
        await using var db = portal.Database.CreateContext();
        var now = portal.Clock.GetUtcNow();
        var scenario = new Scenario(db, now);
        var application = await scenario.ApplicationAsync(await scenario.ParentAsync("ДРУГАЯ", "СЕМЬЯ"), CabinetData.Over3);
        var parent2 = await CabinetData.ParentAsync(db, DemoUsers.Parent2);
        var tracked = await db.Applications.Include(x => x.Access).SingleAsync(x => x.Id == application.Id);
        tracked.AttachTo(parent2, now, null);
        await db.SaveChangesAsync();
        return application;
    }
}
