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

public sealed class SeatPublisherTests
{
    [Fact]
    public async Task PublishStateSeats_OffersFirstChildrenInQueueOrderForThreeWorkingDaysThenOpensToAll()
    {
        // Thursday 19 March 2026: the 3 working days after it are 20, 26 and 27 March (Nauryz between).
        await using var h = await ClockHarness.CreateAsync(ClockHarness.Almaty(2026, 3, 19, 11, 0));
        int organisationId;
        Dictionary<string, long> ids = [];
        await using (var db = h.Database.CreateContext())
        {
            var scenario = new Scenario(db, h.Clock.GetUtcNow());
            organisationId = (await scenario.OrganisationAsync(OrganisationType.State, "Ясли-сад № 1")).Id;
            var parent = await scenario.ParentAsync();
            var year = h.Clock.GetUtcNow().AddYears(-2);
            ids["general-1"] = (await scenario.ApplicationAsync(parent, new DateOnly(2022, 1, 1), Privilege.None, year)).Id;
            ids["general-2"] = (await scenario.ApplicationAsync(parent, new DateOnly(2022, 1, 2), Privilege.None, year.AddDays(1))).Id;
            ids["privileged"] = (await scenario.ApplicationAsync(parent, new DateOnly(2022, 1, 3), Privilege.LargeFamily, year.AddDays(2))).Id;
            ids["out-of-turn"] = (await scenario.ApplicationAsync(parent, new DateOnly(2022, 1, 4), Privilege.ServicemanChild, year.AddDays(3))).Id;
        }

        var result = await h.InScopeAsync(sp => sp.GetRequiredService<SeatPublisher>().PublishAsync(organisationId, 2022, 2, "ЖАНДОСОВА", CancellationToken.None));

        var windowEnd = AlmatyTime.EndOfDay(new DateOnly(2026, 3, 27));
        Assert.Equal((windowEnd, 2), (result.PriorityUntil!.Value, result.Offered));
        await using (var db = h.Database.CreateContext())
        {
            // Queue order: out-of-turn first, then one privileged, then the general queue.
            var offered = await db.Applications.Where(a => a.Status == ApplicationStatus.Notified).Select(a => a.Id).ToListAsync();
            Assert.Equal(new[] { ids["out-of-turn"], ids["privileged"] }.Order(), offered.Order());
            Assert.All(await db.Applications.Where(a => offered.Contains(a.Id)).ToListAsync(), a => Assert.Equal(windowEnd, a.OfferedUntil));
            Assert.Equal(4, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == NotificationKind.StateSeatOffered));
            var message = await db.Set<OutboxMessage>().FirstAsync();
            Assert.Contains("до 27.03.2026 23:59", NotificationTexts.Fill(message.Body, "UO", message.Number, message.Organisation, message.UntilAt));
            var change = await db.Set<SeatChange>().SingleAsync();
            Assert.Equal((0, 2, "ЖАНДОСОВА", 2), (change.FreeSeatsBefore, change.FreeSeatsAfter, change.ChangedBy, change.Offered));
        }

        h.Clock.SetUtcNow(windowEnd);
        Assert.Equal(0, await h.RunAsync<EndPriorityWindowsJob>());
        h.Clock.SetUtcNow(windowEnd.AddSeconds(1));
        Assert.Equal(2, await h.RunAsync<EndPriorityWindowsJob>());

        await using var check = h.Database.CreateContext();
        Assert.Equal(4, await check.Applications.CountAsync(a => a.Status == ApplicationStatus.Queued && a.OfferedUntil == null));
        Assert.Equal(2, await check.ApplicationEvents.CountAsync(e => e.Kind == ApplicationEventKind.OfferEnded && e.Actor == "система"));
        var seat = await check.Seats.SingleAsync(s => s.OrganisationId == organisationId);
        Assert.Equal((2, (DateTimeOffset?)null), (seat.FreeSeats, seat.PriorityUntil));
        Assert.True(seat.IsOpenTo(applicationWasOffered: false, windowEnd.AddSeconds(1)));
    }
}
