using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// "Снять с очереди" and "Прикрепление заявления к ИИН-у родителя", signed, over HTTP.
public sealed class WithdrawAttachFlowTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    private const string NotFoundText = "Заявление с таким регистрационным номером и ИИН ребёнка не найдено. Проверьте оба значения.";

    [Fact]
    public async Task Withdraw_SignedByParent_RemovedWithSignedXmlInHistory()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var confirm = await parent.OpenAsync($"/applications/{application.Id}/withdraw");
        var fields = parent.SignedFields(confirm);

        var response = await parent.PostAsync(confirm.SignForm.Action, confirm, fields);
        var page = await parent.FollowAsync(response);

        Assert.Equal($"/applications/{application.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Заявление снято с очереди.", page.Message);
        Assert.Equal(ApplicationStatus.Removed, (await CabinetData.StateAsync(keys.Database, application.Id)).Status);
        await using var db = keys.Database.CreateContext();
        var withdrawn = await db.ApplicationEvents.SingleAsync(e => e.ApplicationId == application.Id && e.Kind == ApplicationEventKind.Withdrawn);
        Assert.Equal((ApplicationStatus.Queued, ApplicationStatus.Removed), (withdrawn.FromStatus, withdrawn.ToStatus));
        Assert.Equal(fields["signedXml"], withdrawn.SignedXml);
        Assert.DoesNotContain($"href=\"/applications/{application.Id}/withdraw\"", page.Html);
    }

    [Fact]
    public async Task Attach_RegistryParentWithNumberAndChildIin_SecondParentSeesItInJournal()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var childIin = await CabinetData.ChildIinAsync(keys.Database, application.Id);
        await Registry.RegistryData.GiveChildAsync(keys.Database, childIin, DemoUsers.Parent1.Iin, DemoUsers.Parent2.Iin);
        var second = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var form = await second.OpenAsync("/applications/attach");
        var journalBefore = await second.OpenAsync("/applications");

        var review = await ReviewAsync(second, form, application.RegistrationNumber.ToLowerInvariant(), $" {childIin} ");
        var fields = second.SignedFields(review);
        var response = await second.PostAsync(review.SignForm.Action, review, fields);
        var page = await second.FollowAsync(response);
        var journal = await second.OpenAsync("/applications");

        Assert.DoesNotContain(application.RegistrationNumber, journalBefore.Html);
        Assert.Equal($"/applications/{application.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"Заявление {application.RegistrationNumber} прикреплено к вашему ИИН.", page.Message);
        Assert.Contains($"href=\"/applications/{application.Id}\"", journal.Html);
        Assert.Contains(application.RegistrationNumber, journal.Html);
        await using var db = keys.Database.CreateContext();
        var attached = await db.ApplicationEvents.SingleAsync(e => e.ApplicationId == application.Id && e.Kind == ApplicationEventKind.Attached);
        Assert.Equal(fields["signedXml"], attached.SignedXml);
        Assert.Equal(2, (await CabinetData.StateAsync(keys.Database, application.Id)).Access);
    }

    [Fact]
    public async Task Attach_WrongPair_NothingChangedAndSaysSo()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var otherChild = TestIins.Make(CabinetData.Over3);
        var second = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var form = await second.OpenAsync("/applications/attach");
        var before = await CabinetData.StateAsync(keys.Database, application.Id);
        var requests = await CabinetData.SignedRequestCountAsync(keys.Database);

        var wrongIin = await ReviewAsync(second, form, application.RegistrationNumber, otherChild);
        var wrongNumber = await ReviewAsync(second, form, "UO.2026.999999.0", await CabinetData.ChildIinAsync(keys.Database, application.Id));
        var journal = await second.OpenAsync("/applications");

        Assert.Contains(NotFoundText, wrongIin.Text);
        Assert.Contains(NotFoundText, wrongNumber.Text);
        Assert.False(wrongIin.HasSignForm);
        Assert.False(wrongNumber.HasSignForm);
        Assert.Equal(before, await CabinetData.StateAsync(keys.Database, application.Id));
        Assert.Equal(requests, await CabinetData.SignedRequestCountAsync(keys.Database));
        Assert.DoesNotContain(application.RegistrationNumber, journal.Html);
    }

    private static async Task<CabinetPage> ReviewAsync(CabinetClient client, CabinetPage form, string number, string childIin)
    {
        var response = await client.PostAsync("/applications/attach/review", form,
            new Dictionary<string, string> { ["number"] = number, ["childIin"] = childIin });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new CabinetPage(await response.Content.ReadAsStringAsync());
    }
}
