using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.Integrity;

/// «Отказаться от направления» over HTTP, signed with the parent's signing key (issue 11).
public sealed class DeclineReferralTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task Decline_SignedByParent_SeatFreedAtOnceBackAtOriginalPlaceWithStopListAndNotified()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 2);
        await StaleWriteTests.IssueAsync(portal, application.Id, organisation);
        await using (var contacts = keys.Database.CreateContext())
        {
            // The notification goes to the applicant's e-mail and phone.
            var person = await contacts.People.SingleAsync(p => p.Iin == DemoUsers.Parent1.Iin);
            person.UpdateContacts("+7 701 555 12 34", "parent1@example.kz", "г. Алматы");
            await contacts.SaveChangesAsync();
        }
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var before = await parent.OpenAsync($"/applications/{application.Id}");
        var confirm = await parent.OpenAsync($"/applications/{application.Id}/decline");
        var fields = parent.SignedFields(confirm);

        var page = await parent.FollowAsync(await parent.PostAsync(confirm.SignForm.Action, confirm, fields));

        Assert.Contains($"href=\"/applications/{application.Id}/decline\"", before.Html);
        Assert.StartsWith("Вы отказались от направления № ", page.Message);
        // 25.11.2026 + 10 working days (26, 27, 30.11, 1, 2, 3, 4, 7, 8, 9.12).
        Assert.EndsWith("стоп-лист до 09.12.2026 23:59.", page.Message);
        Assert.Equal(2, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
        await using var db = keys.Database.CreateContext();
        var saved = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id);
        Assert.Equal((ApplicationStatus.Queued, application.QueuedAt, 0), (saved.Status, saved.QueuedAt, saved.ExpiredReferralCount));
        Assert.NotNull(saved.StopListedUntil);
        Assert.Equal(ReferralStatus.Declined, (await db.Referrals.SingleAsync(r => r.ApplicationId == application.Id)).Status);
        var declined = await db.ApplicationEvents.SingleAsync(e => e.ApplicationId == application.Id && e.Kind == ApplicationEventKind.ReferralDeclined);
        Assert.Equal(fields["signedXml"], declined.SignedXml);
        var note = await db.Set<OutboxMessage>().FirstAsync(n => n.ApplicationId == application.Id && n.Kind == NotificationKind.ReferralDeclined);
        // The outbox keeps the template and its values; the sender fills them in (decision 0008).
        var text = NotificationTexts.Fill(note.Body, application.RegistrationNumber, note.Number, note.Organisation, note.UntilAt);
        Assert.Contains("09.12.2026 23:59", text);
        Assert.Contains(application.RegistrationNumber, text);
        Assert.True(await CabinetData.IsUsedAsync(keys.Database, confirm.RequestId));
        Assert.DoesNotContain($"href=\"/applications/{application.Id}/decline\"", page.Html);
    }

    [Fact]
    public async Task Decline_SameSignedRequestPostedTwice_OneDeclineOneSeatBack()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1, new DateOnly(2022, 7, 7));
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, 2022, 1, "Детский сад Второй");
        await StaleWriteTests.IssueAsync(portal, application.Id, organisation);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var confirm = await parent.OpenAsync($"/applications/{application.Id}/decline");
        var fields = parent.SignedFields(confirm);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => parent.PostAsync(confirm.SignForm.Action, confirm, fields)));

        Assert.All(answers, a => Assert.Equal($"/applications/{application.Id}", a.Headers.Location?.OriginalString));
        Assert.Equal(1, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
        await using var db = keys.Database.CreateContext();
        Assert.Equal(1, await db.ApplicationEvents.CountAsync(e => e.ApplicationId == application.Id && e.Kind == ApplicationEventKind.ReferralDeclined));
    }
}
