using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.Releases;

/// A release from end to end over HTTP, with real signatures: staff create it, two parents rank
/// and sign, the window closes, the job allocates in queue order, one declines, the waiting list moves.
public sealed class ReleaseFlowTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task Release_RankSignAllocateDecline_OffersInQueueOrderAndWaitingListMoves()
    {
        await using var portal = keys.Portal();
        var desk = new ReleaseDesk(portal, keys);
        var first = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var second = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent2);
        var wanted = await desk.OrganisationAsync("Сад А", 1);
        var other = await desk.OrganisationAsync("Сад Б", 3);
        var staff = await desk.StaffAsync();
        await desk.PhoneAsync(DemoUsers.Parent1, "+7 701 111 11 11");
        await desk.PhoneAsync(DemoUsers.Parent2, "+7 701 222 22 22");

        var releaseId = await desk.CreateAsync(staff, ReleaseDesk.Form("Осенний выпуск", (wanted, 1), (other, 1)));
        var poolA = await desk.PoolAsync(releaseId, wanted);
        var poolB = await desk.PoolAsync(releaseId, other);
        // The release's seats left the first-come seats.
        Assert.Equal((0, 2), (await CabinetData.FreeSeatsAsync(keys.Database, wanted), await CabinetData.FreeSeatsAsync(keys.Database, other)));

        portal.Clock.SetUtcNow(ReleaseDesk.Opens.AddHours(1));
        await desk.AllocateAsync();
        var parent1 = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var parent2 = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var rules = await parent1.OpenAsync($"/applications/{first.Id}/releases/{releaseId}");
        Assert.Contains("Время подачи заявки не имеет значения.", rules.Text);
        // The second parent signs first: the time of the request does not matter.
        var signed2 = await ReleaseDesk.RankAndSignAsync(parent2, second.Id, releaseId, poolA, poolB);
        var signed1 = await ReleaseDesk.RankAndSignAsync(parent1, first.Id, releaseId, poolB);
        // Changed before the window closes: the last signed request counts.
        signed1 = await ReleaseDesk.RankAndSignAsync(parent1, first.Id, releaseId, poolA, poolB);
        Assert.StartsWith("Заявка подписана и принята.", signed2.Message);
        Assert.StartsWith("Заявка подписана и принята.", signed1.Message);

        portal.Clock.SetUtcNow(ReleaseDesk.Closes.AddMinutes(1));
        Assert.True(await desk.AllocateAsync() >= 1);
        // Run twice (or in two processes): the release's status under its row lock says it is done.
        Assert.Equal(0, await desk.AllocateAsync());

        await using (var db = keys.Database.CreateContext())
        {
            Assert.Equal(ReleaseStatus.Allocated, (await db.Releases.SingleAsync(r => r.Id == releaseId)).Status);
            var offers = await db.ReleaseOffers.Where(o => o.ReleaseId == releaseId).OrderBy(o => o.Id).ToListAsync();
            Assert.Equal([(first.Id, poolA, 0), (second.Id, poolB, 1)], offers.Select(o => (o.ApplicationId, o.PoolId, o.ChoiceIndex)));
            var waiting = await db.ReleaseWaitingEntries.SingleAsync(w => w.PoolId == poolA);
            Assert.Equal((second.Id, 1), (waiting.ApplicationId, waiting.Position));
            Assert.Equal(2, await db.ReleaseRequests.CountAsync(r => r.ReleaseId == releaseId && r.SupersededAt == null));
            Assert.Equal(3, await db.ReleaseRequests.CountAsync(r => r.ReleaseId == releaseId));
            var sms = await db.Set<Web.Features.Notifications.OutboxMessage>().Where(m => m.Kind == Web.Features.Notifications.NotificationKind.ReleaseSeatOffered
                && (m.ApplicationId == first.Id || m.ApplicationId == second.Id)).OrderBy(m => m.ApplicationId).ToListAsync();
            Assert.Equal(["+7 701 111 11 11", "+7 701 222 22 22"], sms.Select(m => m.Recipient));
            Assert.Contains("Принято решение (Направлено уведомление)", sms[0].Subject);
        }
        // Hours later: the parents sign in again (a session lasts two hours).
        parent1 = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        parent2 = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var result2 = await parent2.OpenAsync($"/applications/{second.Id}/releases/{releaseId}");
        Assert.Contains("Все места (1) получили дети раньше вас в порядке распределения: последний принятый — №1, вы — №2.", result2.Text);
        Assert.Contains("Принято решение (Направлено уведомление)", result2.Text);
        var publicPage = await (await portal.CreateClient().GetAsync($"/releases/{releaseId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(DemoUsers.Parent1.LastName, publicPage);

        var confirm = await parent1.OpenAsync($"/applications/{first.Id}/releases/{releaseId}/decline");
        var declined = await parent1.FollowAsync(await parent1.SignAndSendAsync(confirm));
        Assert.StartsWith("Вы отказались от места.", declined.Message);

        await using (var db = keys.Database.CreateContext())
        {
            var offers = await db.ReleaseOffers.Where(o => o.ReleaseId == releaseId).OrderBy(o => o.Id).ToListAsync();
            Assert.Equal([ReleaseOfferStatus.Declined, ReleaseOfferStatus.Replaced, ReleaseOfferStatus.Offered], offers.Select(o => o.Status));
            Assert.Equal((second.Id, poolA, true), (offers[2].ApplicationId, offers[2].PoolId, offers[2].FromWaitingList));
        }
        // Nobody waits for the seat the second child left: it went back to first come.
        Assert.Equal(3, await CabinetData.FreeSeatsAsync(keys.Database, other));

        var offer = await parent2.OpenAsync($"/applications/{second.Id}/releases/{releaseId}");
        var accepted = await parent2.FollowAsync(await parent2.SignAndSendAsync(offer));
        Assert.StartsWith("Направление №", accepted.Message);
        Assert.Equal(ApplicationStatus.Referred, (await CabinetData.StateAsync(keys.Database, second.Id)).Status);
        Assert.Equal(0, await CabinetData.FreeSeatsAsync(keys.Database, wanted));
    }

    [Fact]
    public async Task Create_MoreSeatsThanPublished_RefusedWithMessageAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var desk = new ReleaseDesk(portal, keys);
        var organisation = await desk.OrganisationAsync("Сад В", 2);
        var staff = await desk.StaffAsync();
        var page = await staff.OpenAsync("/admin/releases/new");

        var response = await staff.PostAsync("/admin/releases", page, ReleaseDesk.Form("Слишком много", (organisation, 5)));
        var answer = new CabinetPage(await response.Content.ReadAsStringAsync());

        Assert.Contains("опубликовано меньше 5 свободных мест", answer.Error);
        Assert.Equal(2, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
        await using var db = keys.Database.CreateContext();
        Assert.False(await db.Releases.AnyAsync(r => r.Title == "Слишком много"));
        Assert.False(await db.Set<AuditEntry>().AnyAsync(e => e.Details!.Contains("Слишком много")));
    }

    [Fact]
    public async Task Create_WindowOutsideWorkingHours_Refused()
    {
        await using var portal = keys.Portal();
        var desk = new ReleaseDesk(portal, keys);
        var organisation = await desk.OrganisationAsync("Сад Г", 2);
        var staff = await desk.StaffAsync();
        var page = await staff.OpenAsync("/admin/releases/new");
        var form = ReleaseDesk.Form("Ночной", (organisation, 1));
        form["ClosesTime"] = "21:00";

        var answer = new CabinetPage(await (await staff.PostAsync("/admin/releases", page, form)).Content.ReadAsStringAsync());

        Assert.Equal("Приём заявок открывается и закрывается в рабочий день с 09:00 до 18:00 (время Алматы).", answer.Error);
        Assert.Equal(2, await CabinetData.FreeSeatsAsync(keys.Database, organisation));
    }

    /// A request still being written when the window closes holds the allocation back, and the
    /// allocation then counts it: never a request written into a release already allocated.
    [Fact]
    public async Task Request_BeingWrittenWhenTheWindowCloses_HoldsTheAllocationBackAndIsAllocated()
    {
        await using var portal = keys.Portal();
        var desk = new ReleaseDesk(portal, keys);
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await desk.OrganisationAsync("Сад Е", 1);
        var releaseId = await desk.CreateAsync(await desk.StaffAsync(), ReleaseDesk.Form("На закрытии", (organisation, 1)));
        var pool = await desk.PoolAsync(releaseId, organisation);
        portal.Clock.SetUtcNow(ReleaseDesk.Opens.AddHours(1));
        Assert.Equal(0, await desk.AllocateAsync());
        portal.Clock.SetUtcNow(ReleaseDesk.Closes.AddMinutes(-5));
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var page = await parent.OpenAsync($"/applications/{application.Id}/releases/{releaseId}?rank={pool}");

        // Hold the application's row: the request passes the window's check, then waits here.
        await using var hold = await RowHold.TakeAsync(keys.Database.ConnectionString, $"select 1 from applications where id = {application.Id} for update");
        var sent = parent.SignAndSendAsync(page);
        await hold.WaitForWaitersAsync(1);

        portal.Clock.SetUtcNow(ReleaseDesk.Closes.AddMinutes(1));
        var allocation = desk.AllocateAsync();
        await hold.WaitForWaitersAsync(2, allocation);
        Assert.False(allocation.IsCompleted, "The allocation ran while a request was being written.");
        await hold.ReleaseAsync();

        var answer = await parent.FollowAsync(await sent);
        Assert.StartsWith("Заявка подписана и принята.", answer.Message);
        Assert.Equal(1, await allocation);
        await using var db = keys.Database.CreateContext();
        var offer = await db.ReleaseOffers.SingleAsync(o => o.ReleaseId == releaseId);
        Assert.Equal((application.Id, pool), (offer.ApplicationId, offer.PoolId));
    }

    /// A release's signed requests wait in one line (ReleaseDecisionLine): with one place to be
    /// worked on and none to wait, a second request while the first is being worked on is turned
    /// away with the words to wait and changes nothing; once the first is through, the second is
    /// taken. Without the line the second would wait on the same lock and never be turned away.
    [Fact]
    public async Task Requests_WaitInOneLine_OneBeyondItIsTurnedAway_NothingChanged()
    {
        await using var portal = keys.Portal();
        portal.Settings["SignedDecisions:AtOnce"] = "1";
        portal.Settings["SignedDecisions:Waiting"] = "0";
        var (desk, _, _, releaseId, parent1, parent2, page1, page2) = await TwoParentsRankAsync(portal, "Сад Д", "Очередь");

        // Hold the release's row: the first request enters the line's one place and waits here.
        await using var hold = await RowHold.TakeAsync(keys.Database.ConnectionString, $"select 1 from releases where id = {releaseId} for update");
        var sent = parent1.SignAndSendAsync(page1);
        await hold.WaitForWaitersAsync(1);

        // Without the line it would wait on the lock too: the wait's end fails the test then.
        var turnedAway = await parent2.SignAndSendAsync(page2).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, turnedAway.StatusCode);
        Assert.Equal("Слишком много запросов. Подождите минуту и попробуйте снова.", await turnedAway.Content.ReadAsStringAsync());
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, page2.RequestId));
        await hold.ReleaseAsync();
        var accepted = await parent1.FollowAsync(await sent);
        var later = await parent2.FollowAsync(await parent2.SignAndSendAsync(page2));

        Assert.StartsWith("Заявка подписана и принята.", accepted.Message);
        Assert.StartsWith("Заявка подписана и принята.", later.Message);
        await using (var db = keys.Database.CreateContext())
            Assert.Equal(2, await db.ReleaseRequests.CountAsync(r => r.ReleaseId == releaseId));
        // Allocated here, so that no release of this class's database is left due for another test's allocation.
        portal.Clock.SetUtcNow(ReleaseDesk.Closes.AddMinutes(1));
        Assert.Equal(1, await desk.AllocateAsync());
    }

    /// One person has at most `SignedDecisions:PerPerson` decisions in the line (here 1): a second
    /// one while the first is being worked on is turned away at once with its own words, though the
    /// line has places to wait in, and changes nothing; another parent's request still waits its
    /// turn and is taken. Without the cap the second would wait in the line behind the first.
    [Fact]
    public async Task OnePersonsSecondDecisionInTheLine_TurnedAwayAtOnce_AnotherParentStillWaitsItsTurn()
    {
        await using var portal = keys.Portal();
        portal.Settings["SignedDecisions:AtOnce"] = "1";
        portal.Settings["SignedDecisions:Waiting"] = "5";
        portal.Settings["SignedDecisions:PerPerson"] = "1";
        var (desk, _, _, releaseId, parent1, parent2, page1, page2) = await TwoParentsRankAsync(portal, "Сад Ж", "Одно место на человека");

        await using var hold = await RowHold.TakeAsync(keys.Database.ConnectionString, $"select 1 from releases where id = {releaseId} for update");
        var sent = parent1.SignAndSendAsync(page1);
        await hold.WaitForWaitersAsync(1);

        var again = await parent1.SignAndSendAsync(page1).WaitAsync(TimeSpan.FromSeconds(30));
        var other = parent2.SignAndSendAsync(page2);
        await hold.ReleaseAsync();
        var accepted = await parent1.FollowAsync(await sent);
        var otherAccepted = await parent2.FollowAsync(await other);

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal("Ваше предыдущее решение ещё обрабатывается. Дождитесь ответа на странице и не отправляйте его ещё раз.",
            await again.Content.ReadAsStringAsync());
        Assert.StartsWith("Заявка подписана и принята.", accepted.Message);
        Assert.StartsWith("Заявка подписана и принята.", otherAccepted.Message);
        await using (var db = keys.Database.CreateContext())
            Assert.Equal(2, await db.ReleaseRequests.CountAsync(r => r.ReleaseId == releaseId));
        portal.Clock.SetUtcNow(ReleaseDesk.Closes.AddMinutes(1));
        Assert.Equal(1, await desk.AllocateAsync());
    }

    /// A release of one organisation's two seats, open for an hour, and Parent1 and Parent2 signed
    /// in, each on the page to sign a ranking of that organisation.
    private async Task<(ReleaseDesk Desk, Application First, Application Second, long ReleaseId,
        CabinetClient Parent1, CabinetClient Parent2, CabinetPage Page1, CabinetPage Page2)> TwoParentsRankAsync(
        PortalFactory portal, string organisationName, string releaseName)
    {
        var desk = new ReleaseDesk(portal, keys);
        var first = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var second = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent2);
        var organisation = await desk.OrganisationAsync(organisationName, 2);
        var releaseId = await desk.CreateAsync(await desk.StaffAsync(), ReleaseDesk.Form(releaseName, (organisation, 2)));
        var pool = await desk.PoolAsync(releaseId, organisation);
        portal.Clock.SetUtcNow(ReleaseDesk.Opens.AddHours(1));
        var parent1 = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var parent2 = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);
        var page1 = await parent1.OpenAsync($"/applications/{first.Id}/releases/{releaseId}?rank={pool}");
        var page2 = await parent2.OpenAsync($"/applications/{second.Id}/releases/{releaseId}?rank={pool}");
        return (desk, first, second, releaseId, parent1, parent2, page1, page2);
    }

    /// A row held FOR UPDATE by a session of the test's own, and another session that watches how
    /// many sessions wait on a lock.
    private sealed class RowHold : IAsyncDisposable
    {
        private readonly NpgsqlConnection blocker;
        private readonly NpgsqlTransaction hold;
        private readonly NpgsqlConnection observer;

        private RowHold(NpgsqlConnection blocker, NpgsqlTransaction hold, NpgsqlConnection observer) =>
            (this.blocker, this.hold, this.observer) = (blocker, hold, observer);

        public static async Task<RowHold> TakeAsync(string connectionString, string lockSql)
        {
            var blocker = new NpgsqlConnection(connectionString);
            await blocker.OpenAsync();
            var hold = await blocker.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand(lockSql, blocker, hold)) await lockRow.ExecuteNonQueryAsync();
            var observer = new NpgsqlConnection(connectionString);
            await observer.OpenAsync();
            return new RowHold(blocker, hold, observer);
        }

        public Task ReleaseAsync() => hold.CommitAsync();

        /// Returns early when <paramref name="unlessEnded"/> ends: then nothing waits for it.
        public async Task WaitForWaitersAsync(int count, Task? unlessEnded = null)
        {
            for (var i = 0; i < 1200 && unlessEnded?.IsCompleted != true; i++)
            {
                // Its own statement each time: pg_stat_activity is a snapshot taken once per transaction.
                await using var find = new NpgsqlCommand(
                    "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", observer);
                if ((long)(await find.ExecuteScalarAsync())! >= count) return;
                await Task.Delay(50);
            }
            if (unlessEnded?.IsCompleted != true) throw new TimeoutException($"{count} sessions never waited on a lock.");
        }

        public async ValueTask DisposeAsync()
        {
            await hold.DisposeAsync();
            await blocker.DisposeAsync();
            await observer.DisposeAsync();
        }
    }

    [Fact]
    public async Task Request_SignedAfterWindowClosed_RefusedAndNothingChanged()
    {
        await using var portal = keys.Portal();
        var desk = new ReleaseDesk(portal, keys);
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await desk.OrganisationAsync("Сад Д", 1);
        var releaseId = await desk.CreateAsync(await desk.StaffAsync(), ReleaseDesk.Form("Поздно", (organisation, 1)));
        var pool = await desk.PoolAsync(releaseId, organisation);
        portal.Clock.SetUtcNow(ReleaseDesk.Closes.AddMinutes(-5));
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var page = await parent.OpenAsync($"/applications/{application.Id}/releases/{releaseId}?rank={pool}");
        portal.Clock.SetUtcNow(ReleaseDesk.Closes.AddMinutes(1));

        var answer = await parent.FollowAsync(await parent.SignAndSendAsync(page));

        Assert.Equal(Release.RequestsClosed.Ru, answer.Error);
        await using var db = keys.Database.CreateContext();
        Assert.False(await db.ReleaseRequests.AnyAsync(r => r.ReleaseId == releaseId));
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, page.RequestId));
    }
    /// The signed request's statement (ReleaseDecisions.SubmitAsync) refuses with the domain's
    /// own reasons, and a refusal rolls everything back: the same signed request sent twice is
    /// taken once; an application stop-listed between the page and the press is refused with the
    /// stop-list's words, its signed request stays unused, and no request is stored.
    [Fact]
    public async Task Request_SentTwiceOrStopListedMeanwhile_RefusedWithTheReason_NothingChanged()
    {
        await using var portal = keys.Portal();
        var (desk, first, second, releaseId, parent1, parent2, page1, page2) = await TwoParentsRankAsync(portal, "Сад Е", "Отказы");

        var accepted = await parent1.FollowAsync(await parent1.SignAndSendAsync(page1));
        var again = await parent1.FollowAsync(await parent1.SignAndSendAsync(page1));
        await using (var db = keys.Database.CreateContext())
            await db.Applications.Where(a => a.Id == second.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.StopListedUntil, ReleaseDesk.Closes.AddDays(30)));
        var stopListed = await parent2.FollowAsync(await parent2.SignAndSendAsync(page2));

        Assert.StartsWith("Заявка подписана и принята.", accepted.Message);
        Assert.Equal("Этот документ уже подписан и отправлен. Повторная отправка не нужна.", again.Message);
        Assert.StartsWith("Заявление в стоп-листе до ", stopListed.Error);
        await using var check = keys.Database.CreateContext();
        Assert.Equal(1, await check.ReleaseRequests.CountAsync(r => r.ReleaseId == releaseId && r.ApplicationId == first.Id));
        Assert.False(await check.ReleaseRequests.AnyAsync(r => r.ApplicationId == second.Id));
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, page2.RequestId));
        // Allocated here, so that no release of this class's database is left due for another test's allocation.
        portal.Clock.SetUtcNow(ReleaseDesk.Closes.AddMinutes(1));
        Assert.Equal(1, await desk.AllocateAsync());
    }
}
