using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Integrity;

/// Issue 11, defect 7: a signed request is checked, used up and acted on in one transaction, so a
/// refused action leaves it unused; and it expires.
public sealed class SignedActionTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    public const string Expired = "Срок запроса на подпись истёк: он действует 15 минут. Откройте страницу ещё раз и подпишите заново.";

    [Fact]
    public async Task Withdraw_ApplicationReferredAfterThePageOpened_RefusedAndTheRequestStaysUnused()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 2);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var confirm = await parent.OpenAsync($"/applications/{application.Id}/withdraw");

        await StaleWriteTests.IssueAsync(portal, application.Id, organisation);
        var page = await parent.FollowAsync(await parent.SignAndSendAsync(confirm));

        Assert.Equal("Действие недоступно: текущее состояние заявления — «Выдано направление».", page.Error);
        Assert.Equal(ApplicationStatus.Referred, (await CabinetData.StateAsync(keys.Database, application.Id)).Status);
        Assert.Equal(1, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, confirm.RequestId));
    }

    [Fact]
    public async Task Withdraw_SignedSixteenMinutesAfterThePageOpened_RefusedAsExpiredAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var confirm = await parent.OpenAsync($"/applications/{application.Id}/withdraw");
        var before = await CabinetData.StateAsync(keys.Database, application.Id);

        portal.Clock.Advance(TimeSpan.FromMinutes(16));
        var page = await parent.FollowAsync(await parent.SignAndSendAsync(confirm));

        Assert.Equal(Expired, page.Error);
        Assert.Equal(before, await CabinetData.StateAsync(keys.Database, application.Id));
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, confirm.RequestId));
    }

    [Fact]
    public async Task Register_SecondApplicationForTheSameChild_RefusedAndItsRequestStaysUnused()
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var child = CabinetData.NewChild(TestIins.Make(new DateOnly(2023, 9, 9)));
        await Registry.RegistryData.GiveChildAsync(keys.Database, child["ChildIin"], DemoUsers.Parent1.Iin);
        var first = await ReviewAsync(parent, "/applications/new", "/applications/new/review", child);
        var second = await ReviewAsync(parent, "/applications/new", "/applications/new/review", child);

        await parent.SignAndSendAsync(first);
        var page = await parent.FollowAsync(await parent.SignAndSendAsync(second));

        Assert.NotNull(page.Error);
        Assert.True(await CabinetData.IsUsedAsync(keys.Database, first.RequestId));
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, second.RequestId));
    }

    [Fact]
    public async Task Attach_SecondRequestForTheSameApplication_RefusedAndItsRequestStaysUnused()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var fields = new Dictionary<string, string>
        {
            ["number"] = application.RegistrationNumber,
            ["childIin"] = await CabinetData.ChildIinAsync(keys.Database, application.Id),
        };
        // The second parent is the child's parent by the population registry (issue 12).
        await Registry.RegistryData.GiveChildAsync(keys.Database, fields["childIin"], DemoUsers.Parent1.Iin, DemoUsers.Parent2.Iin);
        var second = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var one = await ReviewAsync(second, "/applications/attach", "/applications/attach/review", fields);
        var two = await ReviewAsync(second, "/applications/attach", "/applications/attach/review", fields);

        await second.SignAndSendAsync(one);
        var page = await second.FollowAsync(await second.SignAndSendAsync(two));

        Assert.Equal("Это заявление уже есть в вашем журнале.", page.Error);
        Assert.Equal(2, (await CabinetData.StateAsync(keys.Database, application.Id)).Access);
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, two.RequestId));
    }

    private static async Task<CabinetPage> ReviewAsync(CabinetClient client, string formUrl, string reviewUrl, Dictionary<string, string> fields)
    {
        var form = await client.OpenAsync(formUrl);
        var response = await client.PostAsync(reviewUrl, form, fields);
        var review = new CabinetPage(await response.Content.ReadAsStringAsync());
        Assert.True(review.HasSignForm, review.Error);
        return review;
    }
}
