using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Attach;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.Registry;

/// Attaching by proof: the registry's parent, or a one-time signed invitation; staff detach.
public sealed class AttachTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    private static readonly string BadCode = AttachRules.BadCode.Ru;

    [Fact]
    public async Task Attach_RegistryParent_AttachedWithoutAnyCode()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var childIin = await CabinetData.ChildIinAsync(keys.Database, application.Id);
        await RegistryData.GiveChildAsync(keys.Database, childIin, DemoUsers.Parent1.Iin, DemoUsers.Parent2.Iin);
        var second = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);

        var review = await RegistryClients.AttachReviewAsync(second, application.RegistrationNumber, childIin);
        var response = await second.SignAndSendAsync(review);

        Assert.Equal($"/applications/{application.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(2, (await CabinetData.StateAsync(keys.Database, application.Id)).Access);
    }

    [Fact]
    public async Task Attach_Invitation_WorksOnceAndStaffDetachWithReasonInHistory()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var childIin = await CabinetData.ChildIinAsync(keys.Database, application.Id);
        await RegistryData.GiveChildAsync(keys.Database, childIin, DemoUsers.Parent1.Iin);
        var applicant = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var second = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var code = await RegistryClients.InviteAsync(applicant, application.Id);

        var review = await RegistryClients.AttachReviewAsync(second, application.RegistrationNumber, childIin, code.ToLowerInvariant());
        var attached = await second.SignAndSendAsync(review);
        var staff = await RegistryClients.StaffAsync(portal, keys);
        var detached = await RegistryClients.ReviewAsync(staff, application.Id, "detach", new()
        {
            ["reason"] = "Решение суда об определении места жительства ребёнка", ["personId"] = await PersonIdAsync(DemoUsers.Parent2.Iin), ["back"] = "application",
        });
        var again = await RegistryClients.AttachReviewAsync(second, application.RegistrationNumber, childIin, code);
        var journal = await second.OpenAsync("/applications");

        Assert.Equal($"/applications/{application.Id}", attached.Headers.Location?.OriginalString);
        Assert.Equal($"/admin/applications/{application.Id}", detached.Headers.Location?.OriginalString);
        Assert.False(again.HasSignForm);
        Assert.Contains(BadCode, again.Text);
        Assert.DoesNotContain(application.RegistrationNumber, journal.Html);
        await using var db = keys.Database.CreateContext();
        var events = await db.ApplicationEvents.Where(e => e.ApplicationId == application.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([ApplicationEventKind.Created, ApplicationEventKind.InvitationCreated, ApplicationEventKind.Attached, ApplicationEventKind.Detached],
            events.Select(e => e.Kind));
        Assert.NotNull(events[1].SignedXml);
        Assert.Contains("Решение суда", events[3].Reason);
        Assert.DoesNotContain(code.Replace("-", ""), events[1].SignedXml);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.ApplicationId == application.Id && e.Action == AuditLog.Actions.Detach));
        Assert.Equal(1, (await CabinetData.StateAsync(keys.Database, application.Id)).Access);
    }

    [Fact]
    public async Task Attach_InvitationAfterItsDays_RefusedAndNothingChanges()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var childIin = await CabinetData.ChildIinAsync(keys.Database, application.Id);
        var applicant = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var second = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var first = await RegistryClients.InviteAsync(applicant, application.Id);
        var other = await RegistryClients.InviteAsync(applicant, application.Id);
        var reviewInTime = await RegistryClients.AttachReviewAsync(second, application.RegistrationNumber, childIin, first);
        var before = await CabinetData.StateAsync(keys.Database, application.Id);

        // The first code's days end while its form is open: refused at the attach itself.
        await using (var db = keys.Database.CreateContext())
            await db.Set<AttachInvitation>().Where(i => i.CodeHash == AttachInvitation.Hash(first))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, portal.Clock.GetUtcNow().AddSeconds(-1)));
        var signedLate = await second.SignAndSendAsync(reviewInTime);
        var message = await second.FollowAsync(signedLate);
        // The other code after the default 3 days.
        portal.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var later = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var late = await RegistryClients.AttachReviewAsync(later, application.RegistrationNumber, childIin, other);

        Assert.True(reviewInTime.HasSignForm, reviewInTime.Error);
        Assert.Equal("/applications/attach", signedLate.Headers.Location?.OriginalString);
        Assert.Equal(BadCode, message.Error);
        Assert.False(late.HasSignForm);
        Assert.Contains(BadCode, late.Text);
        var after = await CabinetData.StateAsync(keys.Database, application.Id);
        Assert.Equal((before.Status, before.Events, before.Access), (after.Status, after.Events, after.Access));
    }

    [Fact]
    public async Task Invitation_NotTheApplicant_NotFound()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var stranger = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);

        var response = await stranger.GetAsync($"/applications/{application.Id}/invitation");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> PersonIdAsync(string iin)
    {
        await using var db = keys.Database.CreateContext();
        return (await db.People.SingleAsync(p => p.Iin == iin)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
