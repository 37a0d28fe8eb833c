using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// Every POST of the cabinet without the anti-forgery token: 400 and nothing changed. The same
/// post with the token then goes through, so the token was the only thing missing.
public sealed class AntiforgeryTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task Choose_WithoutToken_BadRequestAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 1);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var page = await parent.OpenAsync($"/applications/{application.Id}/private?org={organisation}");
        var before = await CabinetData.StateAsync(keys.Database, application.Id);

        var withoutToken = await parent.SignAndSendAsync(page, withToken: false);
        var after = await CabinetData.StateAsync(keys.Database, application.Id);
        var withToken = await parent.SignAndSendAsync(page);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal(ApplicationStatus.Referred, (await CabinetData.StateAsync(keys.Database, application.Id)).Status);
    }

    [Fact]
    public async Task Withdraw_WithoutToken_BadRequestAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var page = await parent.OpenAsync($"/applications/{application.Id}/withdraw");
        var before = await CabinetData.StateAsync(keys.Database, application.Id);

        var withoutToken = await parent.SignAndSendAsync(page, withToken: false);
        var after = await CabinetData.StateAsync(keys.Database, application.Id);
        var withToken = await parent.SignAndSendAsync(page);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal(ApplicationStatus.Removed, (await CabinetData.StateAsync(keys.Database, application.Id)).Status);
    }

    [Fact]
    public async Task AttachReviewAndAttach_WithoutToken_BadRequestAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var childIin = await CabinetData.ChildIinAsync(keys.Database, application.Id);
        await Registry.RegistryData.GiveChildAsync(keys.Database, childIin, DemoUsers.Parent1.Iin, DemoUsers.Parent2.Iin);
        var second = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var form = await second.OpenAsync("/applications/attach");
        var pair = new Dictionary<string, string> { ["number"] = application.RegistrationNumber, ["childIin"] = childIin };
        var requests = await CabinetData.SignedRequestCountAsync(keys.Database);

        var reviewWithoutToken = await second.PostAsync("/applications/attach/review", form, pair, withToken: false);
        var requestsAfter = await CabinetData.SignedRequestCountAsync(keys.Database);
        var review = new CabinetPage(await (await second.PostAsync("/applications/attach/review", form, pair)).Content.ReadAsStringAsync());
        var before = await CabinetData.StateAsync(keys.Database, application.Id);
        var attachWithoutToken = await second.SignAndSendAsync(review, withToken: false);
        var after = await CabinetData.StateAsync(keys.Database, application.Id);
        var attach = await second.SignAndSendAsync(review);

        Assert.Equal(HttpStatusCode.BadRequest, reviewWithoutToken.StatusCode);
        Assert.Equal(requests, requestsAfter);
        Assert.Equal(HttpStatusCode.BadRequest, attachWithoutToken.StatusCode);
        Assert.Equal(before, after);
        Assert.Equal($"/applications/{application.Id}", attach.Headers.Location?.OriginalString);
        Assert.Equal(before.Access + 1, (await CabinetData.StateAsync(keys.Database, application.Id)).Access);
    }

    [Fact]
    public async Task NewApplicationReviewAndRegister_WithoutToken_BadRequestAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var form = await parent.OpenAsync("/applications/new");
        var child = CabinetData.NewChild(TestIins.Make(new DateOnly(2023, 6, 1)));
        await Registry.RegistryData.GiveChildAsync(keys.Database, child["ChildIin"], DemoUsers.Parent1.Iin);
        var requests = await CabinetData.SignedRequestCountAsync(keys.Database);

        var reviewWithoutToken = await parent.PostAsync("/applications/new/review", form, child, withToken: false);
        var requestsAfter = await CabinetData.SignedRequestCountAsync(keys.Database);
        var review = new CabinetPage(await (await parent.PostAsync("/applications/new/review", form, child)).Content.ReadAsStringAsync());
        var registerWithoutToken = await parent.SignAndSendAsync(review, withToken: false);
        var applicationsAfter = await CabinetData.ApplicationsOfChildAsync(keys.Database, child["ChildIin"]);
        var usedAfter = await CabinetData.IsUsedAsync(keys.Database, review.RequestId);
        var register = await parent.SignAndSendAsync(review);

        Assert.Equal(HttpStatusCode.BadRequest, reviewWithoutToken.StatusCode);
        Assert.Equal(requests, requestsAfter);
        Assert.Equal(HttpStatusCode.BadRequest, registerWithoutToken.StatusCode);
        Assert.Equal(0, applicationsAfter);
        Assert.False(usedAfter);
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        Assert.Equal(1, await CabinetData.ApplicationsOfChildAsync(keys.Database, child["ChildIin"]));
    }

    [Fact]
    public async Task Logout_WithoutToken_BadRequestAndStillSignedIn()
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var journal = await parent.OpenAsync("/applications");

        var withoutToken = await parent.PostAsync("/logout", journal, new Dictionary<string, string>(), withToken: false);
        var stillIn = await parent.GetAsync("/applications");
        var withToken = await parent.PostAsync("/logout", journal, new Dictionary<string, string>());
        var afterLogout = await parent.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterLogout.StatusCode);
        var location = afterLogout.Headers.Location!;
        Assert.StartsWith("/login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }
}
