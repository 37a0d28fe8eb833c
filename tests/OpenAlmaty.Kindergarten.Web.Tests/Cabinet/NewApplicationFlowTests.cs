using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// "Постановка на очередь": the form, the review signed with the parent's key, the registration.
public sealed partial class NewApplicationFlowTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    private const string Duplicate = "У ребёнка уже есть действующее заявление. Новое можно подать, когда ребёнок зачислен в детский сад.";

    [Fact]
    public async Task Register_SignedApplication_RegistrationAndQueueNumberShownAtOnce()
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var child = CabinetData.NewChild(TestIins.Make(new DateOnly(2023, 6, 1)));

        var review = await ReviewAsync(parent, child);
        var fields = parent.SignedFields(review);
        var response = await parent.PostAsync(review.SignForm.Action, review, fields);
        var page = await parent.FollowAsync(response);

        var shown = Registered().Match(page.Message ?? "");
        Assert.True(shown.Success, page.Message);
        var number = shown.Groups[1].Value;
        Assert.True(RegistrationNumber.IsValid(number), number);
        Assert.True(int.Parse(shown.Groups[2].Value) >= 1);
        Assert.Contains($"<dd class=\"col-sm-3 fw-semibold\">{shown.Groups[2].Value}</dd>", page.Html);
        await using var db = keys.Database.CreateContext();
        var application = await db.Applications.Include(a => a.Events).SingleAsync(a => a.RegistrationNumber == number);
        Assert.Equal($"/applications/{application.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(ApplicationStatus.Queued, application.Status);
        Assert.Equal(fields["signedXml"], Assert.Single(application.Events).SignedXml);
    }

    [Fact]
    public async Task Review_ChildWithActiveApplication_RefusedWithMessageAndNothingPrepared()
    {
        await using var portal = keys.Portal();
        var existing = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent2, new DateOnly(2023, 2, 2));
        var childIin = await CabinetData.ChildIinAsync(keys.Database, existing.Id);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var form = await parent.OpenAsync("/applications/new");
        var requests = await CabinetData.SignedRequestCountAsync(keys.Database);

        var response = await parent.PostAsync("/applications/new/review", form, CabinetData.NewChild(childIin));
        var page = new CabinetPage(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Duplicate, page.Text);
        Assert.False(page.HasSignForm);
        Assert.Equal(requests, await CabinetData.SignedRequestCountAsync(keys.Database));
        Assert.Equal(1, await CabinetData.ApplicationsOfChildAsync(keys.Database, childIin));
    }

    [Fact]
    public async Task Register_SecondSignedApplicationForSameChild_RefusedWithMessage()
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var child = CabinetData.NewChild(TestIins.Make(new DateOnly(2023, 8, 8)));
        // Two reviews prepared before either is sent (two tabs): both pass the review's check.
        var first = await ReviewAsync(parent, child);
        var second = await ReviewAsync(parent, child);

        var registered = await parent.SignAndSendAsync(first);
        var refused = await parent.SignAndSendAsync(second);
        var page = await parent.FollowAsync(refused);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/applications/new", refused.Headers.Location?.OriginalString);
        Assert.Equal(Duplicate, page.Error);
        Assert.Equal(1, await CabinetData.ApplicationsOfChildAsync(keys.Database, child["ChildIin"]));
    }

    /// The parent files for their own child: the population registry lists them as its parent.
    private async Task<CabinetPage> ReviewAsync(CabinetClient parent, Dictionary<string, string> child)
    {
        await Registry.RegistryData.GiveChildAsync(keys.Database, child["ChildIin"], parent.User.Iin);
        var form = await parent.OpenAsync("/applications/new");
        var response = await parent.PostAsync("/applications/new/review", form, child);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var review = new CabinetPage(await response.Content.ReadAsStringAsync());
        Assert.True(review.HasSignForm, review.Error);
        return review;
    }

    [GeneratedRegex(@"^Заявление зарегистрировано: № (UO\.2026\.\d{6}\.\d), номер в очереди (\d+)\.$")]
    private static partial Regex Registered();
}
