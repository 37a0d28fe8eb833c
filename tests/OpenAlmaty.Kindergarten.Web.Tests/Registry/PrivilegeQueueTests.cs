using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Registry;

/// Privileges count only once staff confirm them, and only for their term.
public sealed class PrivilegeQueueTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task Privilege_UnconfirmedStaysGeneral_ConfirmedMovesUp_LapsedMovesBack()
    {
        await using var portal = keys.Portal();
        // A birth year of its own per test: two general children queued before an out-of-turn claim.
        var birth = new DateOnly(2021, 2, 1);
        var claimed = await ClaimAsync(portal, birth, Privilege.ServicemanChild, generalBefore: 2);
        var parentClient = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var staff = await RegistryClients.StaffAsync(portal, keys);

        var unconfirmed = await RegistryClients.QueueNumberAsync(parentClient, claimed);
        var underReview = await parentClient.OpenAsync($"/applications/{claimed}");
        var desk = await staff.OpenAsync("/admin/reviews");
        var confirm = await RegistryClients.ReviewAsync(staff, claimed, "confirm-privilege", new()
        {
            ["reason"] = "Справка с места службы № 17", ["validUntil"] = "2026-12-25",
        });
        var confirmed = await RegistryClients.QueueNumberAsync(parentClient, claimed);
        portal.Clock.Advance(TimeSpan.FromDays(31));
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LapsePrivilegesJob>().ExecuteAsync(CancellationToken.None));
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<LapsePrivilegesJob>().ExecuteAsync(CancellationToken.None));
        var again = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var lapsed = await RegistryClients.QueueNumberAsync(again, claimed);

        Assert.Equal(3, unconfirmed);
        Assert.Contains("льгота на проверке", underReview.Text);
        Assert.Contains($"data-review=\"{claimed}\"", desk.Html);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(1, confirmed);
        Assert.Equal(3, lapsed);
        await using var check = keys.Database.CreateContext();
        var application = await check.Applications.SingleAsync(a => a.Id == claimed);
        Assert.Equal((PrivilegeReview.Lapsed, PriorityGroup.General), (application.PrivilegeReview, application.PriorityGroup));
        var kinds = await check.ApplicationEvents.Where(e => e.ApplicationId == claimed).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal([ApplicationEventKind.Created, ApplicationEventKind.PrivilegeConfirmed, ApplicationEventKind.PrivilegeLapsed], kinds);
        var notes = await check.Set<OutboxMessage>().Where(m => m.ApplicationId == claimed).Select(m => m.Kind).Distinct().ToListAsync();
        Assert.Equal([NotificationKind.PrivilegeConfirmed, NotificationKind.PrivilegeLapsed], notes.Order());
        Assert.True(await check.Set<AuditEntry>().AnyAsync(e => e.ApplicationId == claimed && e.Action == AuditLog.Actions.ConfirmPrivilege));
    }

    [Fact]
    public async Task Privilege_Rejected_StaysGeneralWithReasonAndNotification()
    {
        await using var portal = keys.Portal();
        var birth = new DateOnly(2022, 2, 1);
        var claimed = await ClaimAsync(portal, birth, Privilege.LargeFamily, generalBefore: 1);
        var parentClient = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var staff = await RegistryClients.StaffAsync(portal, keys);

        var withoutReason = await RegistryClients.ReviewAsync(staff, claimed, "reject-privilege", new() { ["reason"] = " " });
        var reject = await RegistryClients.ReviewAsync(staff, claimed, "reject-privilege", new() { ["reason"] = "Справка просрочена" });
        var second = await RegistryClients.ReviewAsync(staff, claimed, "confirm-privilege", new() { ["reason"] = "Передумали" });
        var page = await parentClient.OpenAsync($"/applications/{claimed}");

        Assert.Equal(HttpStatusCode.Redirect, withoutReason.StatusCode);
        Assert.Equal(2, await RegistryClients.QueueNumberAsync(parentClient, claimed));
        Assert.Contains("льгота не подтверждена", page.Text);
        Assert.Contains("Справка просрочена", page.Text);
        await using var check = keys.Database.CreateContext();
        var application = await check.Applications.SingleAsync(a => a.Id == claimed);
        Assert.Equal(PrivilegeReview.Rejected, application.PrivilegeReview);
        Assert.Equal(1, await check.ApplicationEvents.CountAsync(e => e.ApplicationId == claimed && e.Kind == ApplicationEventKind.PrivilegeRejected));
        Assert.False(await check.ApplicationEvents.AnyAsync(e => e.ApplicationId == claimed && e.Kind == ApplicationEventKind.PrivilegeConfirmed));
        Assert.True(await check.Set<OutboxMessage>().AnyAsync(m => m.ApplicationId == claimed && m.Kind == NotificationKind.PrivilegeRejected));
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
    }

    /// General children of another family queued earlier, then the demo parent's unconfirmed claim.
    private async Task<long> ClaimAsync(Infrastructure.PortalFactory portal, DateOnly birth, Privilege privilege, int generalBefore)
    {
        var now = portal.Clock.GetUtcNow();
        await using var db = keys.Database.CreateContext();
        var scenario = new Scenario(db, now);
        var other = await scenario.ParentAsync("ДРУГОВА");
        for (var i = 0; i < generalBefore; i++) await scenario.ApplicationAsync(other, birth, queuedAt: now.AddDays(-30 + i));
        var parent = await CabinetData.ParentAsync(db, DemoUsers.Parent1);
        parent.UpdateContacts("+7 701 555 21 45", "aigerim@example.kz", null);
        return (await scenario.ApplicationAsync(parent, birth, privilege, now.AddDays(-10), confirmPrivilege: false)).Id;
    }
}
