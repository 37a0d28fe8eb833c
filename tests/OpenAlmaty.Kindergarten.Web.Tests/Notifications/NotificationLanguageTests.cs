using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.Integrity;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.Notifications;

/// "The UI language decides the notifications" (issue 15): the language a parent chose on the
/// portal (at sign-in or with the header switch while signed in) is stored on the person, and
/// every message to them is written in it, whoever or whatever caused it: the parent's own signed
/// action, a referral issued outside their request, a job.
public sealed class NotificationLanguageTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Theory]
    [InlineData("kk", true, "Хабарлама жіберілді: № {number} жолдама берілді", "Хабарлама жіберілді: сіз № {number}")]
    [InlineData("en", false, "Notification sent: referral No. {number} issued", "Notification sent: you declined referral No. {number}")]
    public async Task Notifications_ParentChoseALanguage_WrittenInItEvenWhenNotTheirRequest(string lang, bool beforeSignIn,
        string issued, string declined)
    {
        await using var portal = keys.Portal();
        var birth = lang == "kk" ? new DateOnly(2022, 4, 4) : new DateOnly(2022, 5, 5);
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1, birth);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, birth.Year, 1, "Детский сад " + lang);
        await GiveContactsAsync();
        var parent = await SignInInAsync(portal, lang, beforeSignIn);

        // Issued outside the parent's request (as staff or a job would): the parent's stored language decides.
        await StaleWriteTests.IssueAsync(portal, application.Id, organisation);
        var confirm = await parent.OpenAsync($"/applications/{application.Id}/decline");
        await parent.FollowAsync(await parent.PostAsync(confirm.SignForm.Action, confirm, parent.SignedFields(confirm)));

        var messages = await MessagesAsync(application.Id);
        Assert.Contains(messages, m => m.Kind == NotificationKind.ReferralIssued);
        Assert.Contains(messages, m => m.Kind == NotificationKind.ReferralDeclined);
        Assert.All(messages, m => Assert.DoesNotContain("Направлено уведомление", m.Subject + m.Body));
        Assert.All(messages.Where(m => m.Kind == NotificationKind.ReferralIssued), m => Assert.StartsWith(issued, m.Subject));
        Assert.All(messages.Where(m => m.Kind == NotificationKind.ReferralDeclined), m => Assert.StartsWith(declined, m.Subject));
        Assert.Equal(lang, await LanguageOfAsync());
    }

    [Fact]
    public async Task ExpireReferralsJob_ParentSignedInInEnglish_AnnulmentInEnglish()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1, new DateOnly(2022, 6, 6));
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, 2022, 1, "Детский сад по работе");
        await GiveContactsAsync();
        await SignInInAsync(portal, "en", beforeSignIn: true);
        await StaleWriteTests.IssueAsync(portal, application.Id, organisation);

        // The staff member or the job's host has no say: nobody's request is in progress here.
        portal.Clock.Advance(TimeSpan.FromDays(30));
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ExpireReferralsJob>().ExecuteAsync(CancellationToken.None);

        var annulled = (await MessagesAsync(application.Id)).Where(m => m.Kind == NotificationKind.ReferralAnnulled).ToList();
        Assert.NotEmpty(annulled);
        Assert.All(annulled, m => Assert.Equal("Notification sent: referral No. {number} annulled", m.Subject));
        Assert.All(annulled, m => Assert.Contains($"the child did not arrive at the kindergarten within {Domain.Rules.PortalRules.ReferralValidWorkingDays} working days", m.Body));
    }

    [Fact]
    public async Task LanguageSwitch_SignedInParent_StoredAndBackToRussian()
    {
        await using var portal = keys.Portal();
        var parent = await SignInInAsync(portal, "kk", beforeSignIn: true);
        Assert.Equal("kk", await LanguageOfAsync());

        await parent.GetAsync("/lang/ru?returnUrl=/");

        Assert.Equal("ru", await LanguageOfAsync());
    }

    private async Task<CabinetClient> SignInInAsync(PortalFactory portal, string lang, bool beforeSignIn)
    {
        if (!beforeSignIn) return await SwitchAsync(await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1), lang);
        var http = portal.CreateClient(new() { AllowAutoRedirect = false });
        await http.GetAsync($"/lang/{lang}?returnUrl=/");
        var login = await LoginForm.OpenAsync(http);
        var response = await login.PostAsync(http, Signatures.NcaXmlSigner.Sign(login.Xml, keys.AuthKey(DemoUsers.Parent1)));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return new CabinetClient(http, keys, DemoUsers.Parent1);
    }

    private static async Task<CabinetClient> SwitchAsync(CabinetClient parent, string lang)
    {
        await parent.GetAsync($"/lang/{lang}?returnUrl=/");
        return parent;
    }

    private async Task GiveContactsAsync()
    {
        await using var db = keys.Database.CreateContext();
        var person = await db.People.SingleAsync(p => p.Iin == DemoUsers.Parent1.Iin);
        person.UpdateContacts("+7 701 555 12 34", "parent1@example.kz", "г. Алматы");
        await db.SaveChangesAsync();
    }

    private async Task<string> LanguageOfAsync()
    {
        await using var db = keys.Database.CreateContext();
        return await db.Database.SqlQueryRaw<string>("select language as \"Value\" from people where iin = {0}", DemoUsers.Parent1.Iin).SingleAsync();
    }

    private async Task<List<OutboxMessage>> MessagesAsync(long applicationId)
    {
        await using var db = keys.Database.CreateContext();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ApplicationId == applicationId).ToListAsync();
    }
}
