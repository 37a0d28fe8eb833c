using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Referrals;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// "Выбрать частный сад" → "Подписать и отправить" over HTTP, signed the way NCALayer signs.
public sealed class ChoosePrivateFlowTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task Choose_SignedByParent_ReferralIssuedSeatTakenAndSignedXmlInHistory()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 2);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var picker = await parent.OpenAsync($"/applications/{application.Id}/private?org={organisation}");
        var fields = parent.SignedFields(picker);

        var response = await parent.PostAsync(picker.SignForm.Action, picker, fields);
        var page = await parent.FollowAsync(response);

        Assert.Equal($"/applications/{application.Id}", response.Headers.Location?.OriginalString);
        await using var db = keys.Database.CreateContext();
        var referral = await db.Referrals.SingleAsync(r => r.ApplicationId == application.Id);
        var issued = await db.ApplicationEvents.SingleAsync(e => e.ApplicationId == application.Id && e.Kind == ApplicationEventKind.ReferralIssued);
        Assert.Equal(organisation, referral.OrganisationId);
        Assert.Equal(ApplicationStatus.Referred, (await CabinetData.StateAsync(keys.Database, application.Id)).Status);
        Assert.Equal(1, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
        Assert.Equal(fields["signedXml"], issued.SignedXml);
        Assert.StartsWith($"Направление № {referral.Number} выдано. Оно действительно до ", page.Message);
        Assert.Contains("· подписано ЭЦП", page.Text);
    }

    /// The request is used up inside the seat transaction, after the application's row lock:
    /// ten presses of one signed request at once give one referral and one seat, and every other
    /// press is told the document was already sent.
    [Fact]
    public async Task Choose_SameSignedRequestPostedTenTimesAtOnce_OneReferralOneSeat()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 3);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var picker = await parent.OpenAsync($"/applications/{application.Id}/private?org={organisation}");
        var fields = parent.SignedFields(picker);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => parent.PostAsync(picker.SignForm.Action, picker, fields)));

        Assert.All(answers, a => Assert.Equal($"/applications/{application.Id}", a.Headers.Location?.OriginalString));
        var state = await CabinetData.StateAsync(keys.Database, application.Id);
        Assert.Equal((ApplicationStatus.Referred, 1), (state.Status, state.Referrals));
        Assert.Equal(2, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
        Assert.True(await CabinetData.IsUsedAsync(keys.Database, picker.RequestId));
    }

    [Fact]
    public async Task Choose_SameSignedRequestPostedTwice_OneReferralAndSecondAnswerSaysAlreadySent()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 2);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var picker = await parent.OpenAsync($"/applications/{application.Id}/private?org={organisation}");
        var fields = parent.SignedFields(picker);

        var first = await parent.PostAsync(picker.SignForm.Action, picker, fields);
        await parent.FollowAsync(first);
        var second = await parent.PostAsync(picker.SignForm.Action, picker, fields);
        var page = await parent.FollowAsync(second);

        Assert.Equal($"/applications/{application.Id}", second.Headers.Location?.OriginalString);
        Assert.Equal("Этот документ уже подписан и отправлен. Повторная отправка не нужна.", page.Message);
        Assert.Null(page.Error);
        var state = await CabinetData.StateAsync(keys.Database, application.Id);
        Assert.Equal((ApplicationStatus.Referred, 1), (state.Status, state.Referrals));
        Assert.Equal(1, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
    }

    [Fact]
    public async Task Choose_SeatTakenMeanwhile_BackToListWithMessageAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 1);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var picker = await parent.OpenAsync($"/applications/{application.Id}/private?org={organisation}");
        await CabinetData.SetFreeSeatsAsync(keys.Database, organisation, 0);
        var before = await CabinetData.StateAsync(keys.Database, application.Id);

        var response = await parent.SignAndSendAsync(picker);
        var list = await parent.FollowAsync(response);

        Assert.Equal($"/applications/{application.Id}/private", response.Headers.Location?.OriginalString);
        Assert.Equal(ReferralIssuer.SeatTaken.Ru, list.Error);
        Assert.Contains("Список доступных дошкольных организаций", list.Text);
        var after = await CabinetData.StateAsync(keys.Database, application.Id);
        Assert.Equal((before.Status, before.Events, before.Referrals, before.FreeSeats), (after.Status, after.Events, after.Referrals, after.FreeSeats));
        Assert.Equal(ApplicationStatus.Queued, after.Status);
        Assert.Equal(0, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
        // Refused before the signature was looked at: the signed request is not used up.
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, picker.RequestId));
    }

    [Fact]
    public async Task Choose_SignedWithAnotherPersonsKey_RejectedAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 2);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var picker = await parent.OpenAsync($"/applications/{application.Id}/private?org={organisation}");
        var before = await CabinetData.StateAsync(keys.Database, application.Id);

        var response = await parent.SignAndSendAsync(picker, signer: DemoUsers.Parent2);
        var page = await parent.FollowAsync(response);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Документ подписан ключом другого человека: ИИН в подписи не совпадает с ИИН, под которым вы вошли.", page.Error);
        Assert.Equal(before, await CabinetData.StateAsync(keys.Database, application.Id));
        Assert.Equal(2, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, picker.RequestId));
    }

    [Fact]
    public async Task Picker_ChildUnder3OpensPrivateListDirectly_SentBackWithReasonAndNothingPrepared()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1, CabinetData.Under3);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Under3.Year, 2);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var before = await CabinetData.StateAsync(keys.Database, application.Id);

        var response = await parent.GetAsync($"/applications/{application.Id}/private?org={organisation}");
        var page = await parent.FollowAsync(response);

        Assert.Equal($"/applications/{application.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Выбор детского сада недоступен. Ребёнку ещё нет 3 лет: выбор частного сада будет доступен с 10.05.2027.", page.Error);
        Assert.False(page.HasSignForm);
        var after = await CabinetData.StateAsync(keys.Database, application.Id);
        Assert.Equal(before, after);
    }
}
