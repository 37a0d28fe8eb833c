using System.Net;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Registry;

/// Issue 12: an adult who knows a registration number and a child's IIN (both on paper the
/// family hands around) is not a parent. Written before the fix, and seen failing on it.
public sealed class StrangerTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    public const string NotParentAttach = "Реестр населения не подтверждает, что вы родитель или законный представитель ребёнка. " +
        "Попросите родителя, подавшего заявление, создать для вас код приглашения.";
    public const string NotParentFiling = "По данным реестра населения вы не являетесь родителем или законным представителем этого ребёнка. " +
        "Заявление может подать только родитель или законный представитель.";

    [Fact]
    public async Task Attach_StrangerWithNumberAndChildIin_RefusedAndNothingChanges()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var childIin = await CabinetData.ChildIinAsync(keys.Database, application.Id);
        await RegistryData.GiveChildAsync(keys.Database, childIin, DemoUsers.Parent1.Iin);
        var stranger = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var form = await stranger.OpenAsync("/applications/attach");
        var before = await CabinetData.StateAsync(keys.Database, application.Id);
        var requests = await CabinetData.SignedRequestCountAsync(keys.Database);

        var response = await stranger.PostAsync("/applications/attach/review", form,
            new Dictionary<string, string> { ["number"] = application.RegistrationNumber, ["childIin"] = childIin });
        var review = new CabinetPage(await response.Content.ReadAsStringAsync());
        var journal = await stranger.OpenAsync("/applications");
        var page = await stranger.GetAsync($"/applications/{application.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(review.HasSignForm, "a stranger was offered to sign the attach");
        Assert.Contains(NotParentAttach, review.Text);
        Assert.Equal(before, await CabinetData.StateAsync(keys.Database, application.Id));
        Assert.Equal(requests, await CabinetData.SignedRequestCountAsync(keys.Database));
        Assert.DoesNotContain(application.RegistrationNumber, journal.Html);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task File_StrangerForChildTheRegistryGivesToOthers_RefusedAndNothingFiled()
    {
        await using var portal = keys.Portal();
        var childIin = TestIins.Make(new DateOnly(2023, 4, 4));
        await RegistryData.GiveChildAsync(keys.Database, childIin, DemoUsers.Parent1.Iin);
        var stranger = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var form = await stranger.OpenAsync("/applications/new");
        var requests = await CabinetData.SignedRequestCountAsync(keys.Database);

        var response = await stranger.PostAsync("/applications/new/review", form, CabinetData.NewChild(childIin));
        var review = new CabinetPage(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(review.HasSignForm, "a stranger was offered to sign an application for someone else's child");
        Assert.Contains(NotParentFiling, review.Text);
        Assert.Equal(requests, await CabinetData.SignedRequestCountAsync(keys.Database));
        Assert.Equal(0, await CabinetData.ApplicationsOfChildAsync(keys.Database, childIin));
    }
}
