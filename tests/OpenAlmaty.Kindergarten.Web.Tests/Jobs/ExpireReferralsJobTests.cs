using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Jobs;

public sealed class ExpireReferralsJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Issued = ClockHarness.Almaty(2026, 11, 2, 10, 0);
    private ClockHarness _h = null!;
    private int _organisationId;

    public async Task InitializeAsync()
    {
        _h = await ClockHarness.CreateAsync(Issued);
        await using var db = _h.Database.CreateContext();
        var organisation = await new Scenario(db, Issued).OrganisationAsync();
        _organisationId = organisation.Id;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ExpireReferrals_JobAndDomainMethod_EndInTheSameState()
    {
        var (viaJob, viaDomain) = (await ReferredAsync(2)) is [var a, var b] ? (a, b) : default;

        await ExpireBothAsync(viaJob, viaDomain, ClockHarness.Almaty(2026, 11, 10, 0, 0));
        Assert.Equal(await SnapshotAsync(viaDomain), await SnapshotAsync(viaJob));

        // After the stop-list, a second referral and a second expiry: removed from the queue, both ways.
        _h.SetAlmaty(2026, 11, 30, 10, 0);
        await _h.IssueAsync(viaJob, _organisationId);
        await _h.IssueAsync(viaDomain, _organisationId);
        await ExpireBothAsync(viaJob, viaDomain, ClockHarness.Almaty(2026, 12, 8, 0, 0));
        Assert.Equal(await SnapshotAsync(viaDomain), await SnapshotAsync(viaJob));
        Assert.Contains("RemovedFromQueue", await SnapshotAsync(viaJob));
    }

    [Fact]
    public async Task ExpireReferrals_TwoJobsAtOnce_EachReferralAnnulledOnceAndEachSeatFreedOnce()
    {
        var applications = await ReferredAsync(40);
        _h.SetAlmaty(2026, 11, 10, 0, 0);

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _h.InScopeAsync(sp =>
            new ExpireReferralsJob(sp.GetRequiredService<Data.AppDbContext>(), _h.Clock, sp.GetRequiredService<Features.Calendar.WorkingCalendarSource>(),
                sp.GetRequiredService<Features.Seats.StateSeatOffers>(), sp.GetRequiredService<IAfterCommit>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ExpireReferralsJob>>())
            { BatchSize = 7 }.ExecuteAsync(CancellationToken.None)))));

        Assert.Equal(40, counts.Sum());
        await AssertExpiredOnceAsync(applications);
    }

    [Fact]
    public async Task ExpireReferrals_KilledInsideTheBatch_LeavesNothingHalfDoneAndTheNextRunFinishes()
    {
        var applications = await ReferredAsync(5);
        _h.SetAlmaty(2026, 11, 10, 0, 0);
        // Hold the seat row: the job annuls the referrals and updates the applications, then waits
        // here for the seat, half-way through its batch; then its server process is killed.
        await using var blocker = new NpgsqlConnection(_h.Database.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockSeat = new NpgsqlCommand($"select 1 from seats where organisation_id = {_organisationId} for update", blocker, hold))
            await lockSeat.ExecuteNonQueryAsync();

        var run = _h.RunAsync<ExpireReferralsJob>();
        // Its own connection: pg_stat_activity is a snapshot taken once per transaction.
        await using (var observer = new NpgsqlConnection(_h.Database.ConnectionString))
        {
            await observer.OpenAsync();
            await KillWhenBlockedAsync(observer);
        }
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => run);
        await hold.RollbackAsync();

        await using (var db = _h.Database.CreateContext())
        {
            Assert.Equal(5, await db.Referrals.CountAsync(r => r.Status == ReferralStatus.Active));
            Assert.Equal(5, await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Referred));
            Assert.Equal(0, await db.Seats.Where(s => s.OrganisationId == _organisationId).Select(s => s.FreeSeats).SingleAsync());
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == NotificationKind.ReferralAnnulled));
            Assert.Equal(0, await db.StopListEntries.CountAsync());
        }
        Assert.Equal(5, await _h.RunAsync<ExpireReferralsJob>());
        Assert.Equal(0, await _h.RunAsync<ExpireReferralsJob>());
        await AssertExpiredOnceAsync(applications);
    }

    private async Task KillWhenBlockedAsync(NpgsqlConnection observer)
    {
        for (var i = 0; i < 600; i++)
        {
            await using var find = new NpgsqlCommand("""
                select pid from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and query like '%with due as%'
                """, observer);
            if (await find.ExecuteScalarAsync() is int pid)
            {
                await using var kill = new NpgsqlCommand($"select pg_terminate_backend({pid})", observer);
                await kill.ExecuteNonQueryAsync();
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The job never reached the held seat row.");
    }

    private async Task AssertExpiredOnceAsync(IReadOnlyList<long> applications)
    {
        await using var db = _h.Database.CreateContext();
        Assert.Equal(applications.Count, await db.Referrals.CountAsync(r => r.Status == ReferralStatus.Annulled));
        Assert.Equal(applications.Count, await db.Seats.Where(s => s.OrganisationId == _organisationId).Select(s => s.FreeSeats).SingleAsync());
        Assert.Equal(applications.Count, await db.ApplicationEvents.CountAsync(e => e.Kind == ApplicationEventKind.ReferralAnnulled));
        Assert.Equal(applications.Count, await db.StopListEntries.CountAsync());
        Assert.Equal(applications.Count * 2, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == NotificationKind.ReferralAnnulled));
        Assert.All(await db.Applications.Where(a => applications.Contains(a.Id)).ToListAsync(), a =>
            Assert.Equal((ApplicationStatus.Queued, 1), (a.Status, a.ExpiredReferralCount)));
        // Never queued and referred at once: no active referral without a referred application, nor the other way.
        Assert.Equal(0, await db.Referrals.CountAsync(r => r.Status == ReferralStatus.Active));
    }

    private async Task<List<long>> ReferredAsync(int count)
    {
        List<long> ids = [];
        await using (var db = _h.Database.CreateContext())
        {
            var scenario = new Scenario(db, Issued.AddYears(-1));
            var organisation = await db.Organisations.SingleAsync(o => o.Id == _organisationId);
            await scenario.SeatsAsync(organisation, 2021, count);
            for (var i = 0; i < count; i++)
                ids.Add((await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2021, 3, 1), queuedAt: Issued.AddYears(-1).AddMinutes(i))).Id);
        }
        foreach (var id in ids) await _h.IssueAsync(id, _organisationId);
        return ids;
    }

    private async Task ExpireBothAsync(long viaJob, long viaDomain, DateTimeOffset at)
    {
        await using (var db = _h.Database.CreateContext())
        {
            var calendar = new WorkingCalendar(await db.CalendarDays.ToListAsync());
            var application = await db.Applications.SingleAsync(a => a.Id == viaDomain);
            var referral = await db.Referrals.SingleAsync(r => r.ApplicationId == viaDomain && r.Status == ReferralStatus.Active);
            application.ExpireReferral(referral, at, PortalRules.StopListUntil(calendar, referral.ValidUntil));
            await db.SaveChangesAsync();
            // The domain leaves the seat to the portal (the job frees it in its statement).
            await db.Database.ExecuteSqlAsync($"update seats set free_seats = free_seats + 1 where organisation_id = {_organisationId}");
        }
        _h.Clock.SetUtcNow(at);
        Assert.Equal(1, await _h.RunAsync<ExpireReferralsJob>());
    }

    /// Everything the expiry changes, with the referral's number (the only difference) blanked.
    private async Task<string> SnapshotAsync(long applicationId)
    {
        await using var db = _h.Database.CreateContext();
        var a = await db.Applications.AsNoTracking().SingleAsync(x => x.Id == applicationId);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ApplicationId == applicationId).OrderBy(r => r.Id)
            .Select(r => new { r.Status, r.ClosedAt, r.CloseReason, r.Number }).ToListAsync();
        var numbers = referrals.Select(r => r.Number).ToList();
        string Blank(string? s) => numbers.Aggregate(s ?? "", (acc, n) => acc.Replace(n, "№", StringComparison.Ordinal));
        var events = await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == applicationId).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.At, e.Kind, e.Actor, e.FromStatus, e.ToStatus, e.Reason }).ToListAsync();
        var stops = await db.StopListEntries.AsNoTracking().Where(s => s.ApplicationId == applicationId).OrderBy(s => s.Id)
            .Select(s => new { s.From, s.Until, s.Reason, s.LiftedAt }).ToListAsync();
        return string.Join('\n', [
            $"{a.Status} {a.StatusChangedAt:O} {a.ExpiredReferralCount} {a.StopListedUntil:O} {a.OfferedUntil:O}",
            .. referrals.Select(r => $"{r.Status} {r.ClosedAt:O} {r.CloseReason}"),
            .. events.Where(e => e.Kind != ApplicationEventKind.Created).Select(e => Blank($"{e.At:O} {e.Kind} {e.Actor} {e.FromStatus} {e.ToStatus} {e.Reason}")),
            .. stops.Select(s => $"{s.From:O} {s.Until:O} {s.Reason} {s.LiftedAt:O}"),
        ]);
    }
}
