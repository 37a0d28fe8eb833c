using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Releases;

/// A release's participants over HTTP: the administrator who creates it, the jobs, the seats.
public sealed class ReleaseDesk
{
    private readonly PortalFactory portal;
    private readonly EdsKeysFixture keys;

    public ReleaseDesk(PortalFactory portal, EdsKeysFixture keys)
    {
        this.portal = portal;
        this.keys = keys;
        // Staff and two parents sign in in every test; the limit itself is tested in SignIn/SessionTests.
        portal.Settings["SignIn:AttemptsPerMinute"] = "1000";
    }

    /// 25.11.2026 (a Wednesday) in Almaty: the window 11:00–15:00.
    public static readonly DateTimeOffset Opens = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Closes = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public async Task<CabinetClient> StaffAsync()
    {
        await using (var db = portal.Database.CreateContext())
        {
            if (!await db.StaffMembers.AnyAsync(s => s.Iin == DemoUsers.Admin.Iin))
            {
                db.StaffMembers.Add(new StaffMember(DemoUsers.Admin.Iin, "БЕКОВ НУРЛАН", StaffRole.Administrator, null, null, portal.Clock.GetUtcNow(), "тест"));
                await db.SaveChangesAsync();
            }
        }
        return await CabinetClient.SignInAsync(portal, keys, DemoUsers.Admin);
    }

    /// The demo parent gets the offer's SMS at this number.
    public async Task PhoneAsync(DemoUser user, string phone)
    {
        await using var db = portal.Database.CreateContext();
        var person = await db.People.SingleAsync(p => p.Iin == user.Iin);
        person.UpdateContacts(phone, null, null);
        await db.SaveChangesAsync();
    }

    public async Task<int> OrganisationAsync(string name, int free)
    {
        await using var db = portal.Database.CreateContext();
        var scenario = new Scenario(db, portal.Clock.GetUtcNow());
        var organisation = await scenario.OrganisationAsync(OrganisationType.PrivateStateOrder, name + " " + Guid.NewGuid().ToString("N")[..6]);
        await scenario.SeatsAsync(organisation, CabinetData.Over3.Year, free);
        return organisation.Id;
    }

    public static Dictionary<string, string> Form(string title, params (int Organisation, int Seats)[] lines)
    {
        var form = new Dictionary<string, string>
        {
            ["Title"] = title, ["Rule"] = "QueueOrder",
            ["OpensDate"] = "2026-11-25", ["OpensTime"] = "11:00", ["ClosesDate"] = "2026-11-25", ["ClosesTime"] = "15:00",
        };
        for (var i = 0; i < lines.Length; i++)
        {
            form[$"Organisation[{i}]"] = lines[i].Organisation.ToString();
            form[$"BirthYear[{i}]"] = CabinetData.Over3.Year.ToString();
            form[$"Seats[{i}]"] = lines[i].Seats.ToString();
        }
        return form;
    }

    public async Task<long> CreateAsync(CabinetClient staff, Dictionary<string, string> form)
    {
        var page = await staff.OpenAsync("/admin/releases/new");
        var response = await staff.PostAsync("/admin/releases", page, form);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public async Task<long> PoolAsync(long releaseId, int organisationId)
    {
        await using var db = portal.Database.CreateContext();
        return await db.ReleasePools.Where(p => p.ReleaseId == releaseId && p.OrganisationId == organisationId).Select(p => p.Id).SingleAsync();
    }

    public async Task<int> RunAsync<TJob>(Func<TJob, Task<int>> run) where TJob : notnull
    {
        using var scope = portal.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    public Task<int> AllocateAsync() => RunAsync<AllocateReleasesJob>(j => j.ExecuteAsync(CancellationToken.None));

    /// Ranks the pools in order on the release page and signs.
    public static async Task<CabinetPage> RankAndSignAsync(CabinetClient parent, long applicationId, long releaseId, params long[] pools)
    {
        var url = $"/applications/{applicationId}/releases/{releaseId}?" + string.Join("&", pools.Select(p => $"rank={p}"));
        var page = await parent.OpenAsync(url);
        return await parent.FollowAsync(await parent.SignAndSendAsync(page));
    }
}
