using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Referrals;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.Integrity;

/// Issue 11, defect 1: a withdrawal that read the application before a referral committed must
/// not save over it (the seat would stay taken for good).
public sealed class StaleWriteTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task Withdraw_SavedAfterAReferralCommitted_RefusedAndTheSeatStaysWithTheReferral()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 2);
        await using var stale = keys.Database.CreateContext();
        var loaded = await stale.Applications.SingleAsync(a => a.Id == application.Id);

        await IssueAsync(portal, application.Id, organisation);
        loaded.Withdraw(portal.Clock.GetUtcNow(), "родитель", "<signed/>");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());

        await using var db = keys.Database.CreateContext();
        Assert.Equal(ApplicationStatus.Referred, (await CabinetData.StateAsync(keys.Database, application.Id)).Status);
        Assert.Equal(1, await db.Referrals.CountAsync(r => r.ApplicationId == application.Id && r.Status == ReferralStatus.Active));
        Assert.Equal(1, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
        Assert.False(await db.Applications.AnyAsync(a => a.Status == ApplicationStatus.Removed
            && db.Referrals.Any(r => r.ApplicationId == a.Id && r.Status == ReferralStatus.Active)));
    }

    internal static async Task IssueAsync(PortalFactory portal, long applicationId, int organisationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferralIssuer>()
            .IssueAsync(applicationId, organisationId, OrganisationType.PrivateStateOrder, "родитель", null);
    }
}
