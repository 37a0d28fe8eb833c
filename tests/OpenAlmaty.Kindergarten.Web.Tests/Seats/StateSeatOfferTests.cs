using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Features.Seats;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Seats;

/// Issue 11, defects 2 and 3: offers of state seats never outnumber the seats, and a seat that
/// comes back goes to the next child in the queue, not to everyone.
public sealed class StateSeatOfferTests : IAsyncLifetime
{
    // Monday 1 June 2026, no holidays in the weeks that follow.
    private ClockHarness _h = null!;
    private int _organisationId;
    private readonly List<long> _queue = [];

    public async Task InitializeAsync()
    {
        _h = await ClockHarness.CreateAsync(ClockHarness.Almaty(2026, 6, 1, 10, 0));
        await using var db = _h.Database.CreateContext();
        var scenario = new Scenario(db, _h.Clock.GetUtcNow());
        _organisationId = (await scenario.OrganisationAsync(OrganisationType.State, "Ясли-сад № 7")).Id;
        var queuedSince = _h.Clock.GetUtcNow().AddYears(-2);
        for (var i = 0; i < 12; i++)
            _queue.Add((await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2022, 2, 1 + i), Privilege.None,
                queuedSince.AddMinutes(i))).Id);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task PublishStateSeats_CorrectedInsideTheWindow_OffersOnlyTheDifference()
    {
        var first = await PublishAsync(5);
        _h.SetAlmaty(2026, 6, 2, 9, 0);
        var second = await PublishAsync(6);

        Assert.Equal((5, 1), (first.Offered, second.Offered));
        await using var db = _h.Database.CreateContext();
        var offered = await db.Applications.Where(a => a.Status == ApplicationStatus.Notified).Select(a => a.Id).ToListAsync();
        Assert.Equal(_queue.Take(6).Order(), offered.Order());
        Assert.Equal(6, await db.Set<OutboxMessage>().Where(m => m.Kind == NotificationKind.StateSeatOffered)
            .Select(m => m.ApplicationId).Distinct().CountAsync());
    }

    [Fact]
    public async Task StateReferralExpires_TheSeatIsOfferedToTheNextChildInQueueOrder_NotOpenedToAll()
    {
        await PublishAsync(1);
        await _h.IssueAsync(_queue[0], _organisationId, OrganisationType.State);
        // The window ends (4 June), the referral's deadline (8 June) passes unused.
        _h.SetAlmaty(2026, 6, 9, 0, 5);
        await _h.RunAsync<EndPriorityWindowsJob>();
        Assert.Equal(1, await _h.RunAsync<ExpireReferralsJob>());

        var now = _h.Clock.GetUtcNow();
        await using var db = _h.Database.CreateContext();
        var next = await db.Applications.SingleAsync(a => a.Id == _queue[1]);
        Assert.Equal(ApplicationStatus.Notified, next.Status);
        Assert.Equal(1, await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Notified));
        var seat = await db.Seats.SingleAsync(s => s.OrganisationId == _organisationId);
        Assert.Equal(1, seat.FreeSeats);
        Assert.False(seat.IsOpenTo(applicationWasOffered: false, now));
        // A new window of 3 working days from the return (Tue 09.06): 10, 11, 12 June.
        Assert.Equal(AlmatyTime.EndOfDay(new DateOnly(2026, 6, 12)), seat.PriorityUntil);
        Assert.Equal(1, await db.Set<OutboxMessage>().Where(m => m.Kind == NotificationKind.StateSeatOffered && m.ApplicationId == _queue[1])
            .Select(m => m.ApplicationId).Distinct().CountAsync());
    }

    [Fact]
    public async Task PublishStateSeats_ChildWhoHasReachedTheUpperAge_IsSkipped_TheNextChildIsOffered()
    {
        // On Mon 01.06.2026 a child born 01.03.2020 has reached 6 full years; one born 01.09.2020 has not.
        long agedOut, younger;
        await using (var db = _h.Database.CreateContext())
        {
            var scenario = new Scenario(db, _h.Clock.GetUtcNow());
            var since = _h.Clock.GetUtcNow().AddYears(-3);
            agedOut = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2020, 3, 1), Privilege.None, since)).Id;
            younger = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2020, 9, 1), Privilege.None, since.AddMinutes(1))).Id;
        }

        var result = await _h.InScopeAsync(sp =>
            sp.GetRequiredService<SeatPublisher>().PublishAsync(_organisationId, 2020, 1, "ЖАНДОСОВА", CancellationToken.None));

        Assert.Equal(1, result.Offered);
        await using var check = _h.Database.CreateContext();
        var statuses = await check.Applications.Where(a => a.BirthYear == 2020).ToDictionaryAsync(a => a.Id, a => a.Status);
        Assert.Equal((ApplicationStatus.Queued, ApplicationStatus.Notified), (statuses[agedOut], statuses[younger]));
        Assert.False(await check.Set<OutboxMessage>().AnyAsync(m => m.ApplicationId == agedOut));
    }

    private Task<PublishResult> PublishAsync(int seats) => _h.InScopeAsync(sp =>
        sp.GetRequiredService<SeatPublisher>().PublishAsync(_organisationId, 2022, seats, "ЖАНДОСОВА", CancellationToken.None));
}
