using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Documents;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Referrals;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Referrals;

/// Many parents press "Подписать и отправить" at once: the seat count never goes below zero and
/// no application gets two referrals. Each attempt has its own DbContext and connection.
public sealed class ReferralIssuerConcurrencyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 5, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        DejaVuFontResolver.Register();
        _database = await TestDatabase.CreateAsync();
        _services = new ServiceCollection()
            .AddLogging()
            .AddAppDbContext(_database.ConnectionString)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddSingleton<WorkingCalendarSource>()
            .AddSingleton(new ReferralDocuments(ReferralDocuments.DefaultBaseUrl))
            .AddScoped<ReferralIssuer>()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task IssueAsync_FiftyParentsForThreeSeats_ExactlyThreeReferralsAndNoNegativeCount()
    {
        int organisationId;
        List<long> applications = [];
        await using (var db = _database.CreateContext())
        {
            var scenario = new Scenario(db, Now);
            var organisation = await scenario.OrganisationAsync();
            organisationId = organisation.Id;
            await scenario.SeatsAsync(organisation, 2021, 3);
            for (var i = 0; i < 50; i++)
            {
                var parent = await scenario.ParentAsync();
                applications.Add((await scenario.ApplicationAsync(parent, new DateOnly(2021, 3, 1))).Id);
            }
        }

        var outcomes = await RaceAsync(applications.Select(id => (id, organisationId)));

        Assert.Equal(3, outcomes.Count(o => o == "issued"));
        Assert.Equal(47, outcomes.Count(o => o == "seat.taken"));
        await using var check = _database.CreateContext();
        Assert.Equal(0, await check.Seats.Where(s => s.OrganisationId == organisationId).Select(s => s.FreeSeats).SingleAsync());
        Assert.Equal(3, await check.Referrals.CountAsync());
        Assert.Equal(3, await check.ApplicationDocuments.CountAsync(d => d.ReferralId != null));
        Assert.Equal(3, await check.Applications.CountAsync(a => a.Status == Domain.Applications.ApplicationStatus.Referred));
    }

    [Fact]
    public async Task IssueAsync_OneApplicationClickedTwentyTimesAtOnce_OneReferralOneSeat()
    {
        long applicationId;
        int organisationId;
        await using (var db = _database.CreateContext())
        {
            var scenario = new Scenario(db, Now);
            var organisation = await scenario.OrganisationAsync();
            organisationId = organisation.Id;
            await scenario.SeatsAsync(organisation, 2021, 10);
            applicationId = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2021, 3, 1))).Id;
        }

        var outcomes = await RaceAsync(Enumerable.Repeat((applicationId, organisationId), 20));

        Assert.Equal(1, outcomes.Count(o => o == "issued"));
        // The others wait on the row lock, then find the child no longer in the queue.
        Assert.Equal(19, outcomes.Count(o => o == "referral.not-eligible"));
        await using var check = _database.CreateContext();
        Assert.Equal(9, await check.Seats.Where(s => s.OrganisationId == organisationId).Select(s => s.FreeSeats).SingleAsync());
        Assert.Equal(1, await check.Referrals.CountAsync(r => r.ApplicationId == applicationId));
        Assert.Equal(2, await check.ApplicationEvents.CountAsync(e => e.ApplicationId == applicationId));
    }

    private async Task<List<string>> RaceAsync(IEnumerable<(long ApplicationId, int OrganisationId)> attempts)
    {
        var list = attempts.ToList();
        // An async gate, not a Barrier: blocking pool threads would starve the connection opens.
        var ready = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = list.Select(a => Task.Run(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            var issuer = scope.ServiceProvider.GetRequiredService<ReferralIssuer>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();
            if (Interlocked.Increment(ref ready) == list.Count) start.SetResult();
            await start.Task.WaitAsync(TimeSpan.FromSeconds(60));
            try
            {
                await issuer.IssueAsync(a.ApplicationId, a.OrganisationId, OrganisationType.PrivateStateOrder, "родитель", null);
                return "issued";
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        })).ToList();
        return [.. await Task.WhenAll(tasks)];
    }
}
