using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;

/// A journey's own application (a child born 2022, over 3) and a private kindergarten with one
/// seat for it, so that the journey can take the seat without touching the demo children.
public static class OwnSeat
{
    public static async Task<(long ApplicationId, int OrganisationId)> PrepareAsync(
        BrowserPortal portal, DemoUser user, string childName, string organisationName)
    {
        await using var db = portal.Database.CreateContext();
        var scenario = new Scenario(db, DateTimeOffset.UtcNow);
        var parent = await db.People.SingleOrDefaultAsync(p => p.Iin == user.Iin);
        if (parent is null)
        {
            parent = new Domain.People.Person(Domain.People.Iin.Parse(user.Iin), user.LastName, user.FirstName, user.MiddleName);
            db.People.Add(parent);
            await db.SaveChangesAsync();
        }
        var application = await scenario.ApplicationAsync(parent, new DateOnly(2022, 3, 1), childName: childName);
        var organisation = await scenario.OrganisationAsync(OrganisationType.PrivateStateOrder, organisationName);
        await scenario.SeatsAsync(organisation, 2022, 1);
        return (application.Id, organisation.Id);
    }

    /// The application referred, its referral active at the organisation.
    public static async Task AssertTakenAsync(BrowserPortal portal, long applicationId, int organisationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(ApplicationStatus.Referred, (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId)).Status);
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.ApplicationId == applicationId);
        Assert.Equal((ReferralStatus.Active, organisationId), (referral.Status, referral.OrganisationId));
    }
}
