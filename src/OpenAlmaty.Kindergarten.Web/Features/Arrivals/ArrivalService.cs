using System.Data;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Jobs;

namespace OpenAlmaty.Kindergarten.Web.Features.Arrivals;

/// Which organisations a signed-in staff member acts for: kindergarten staff for their own
/// (from staff_members, by the IIN they signed in with), education staff and administrators for any.
public sealed record StaffScope(bool AnyOrganisation, int? OrganisationId)
{
    public bool Covers(int organisationId) => AnyOrganisation || OrganisationId == organisationId;
}

public enum ArrivalOutcome { Confirmed, AlreadyConfirmed, Refused, NotFound }

public sealed record ArrivalResult(ArrivalOutcome Outcome, LocalizedText Message);

/// "Зачисление": the kindergarten confirms that a referred child arrived, before the deadline.
public sealed class ArrivalService(AppDbContext db, TimeProvider clock, WorkingCalendarSource calendars)
{
    public async Task<StaffScope?> ScopeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.EducationStaff) || user.IsInRole(Roles.Administrator)) return new StaffScope(true, null);
        var iin = user.Iin();
        if (iin is null || !user.IsInRole(Roles.KindergartenStaff)) return null;
        var organisationId = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Iin == iin && s.Role == StaffRole.KindergartenStaff && s.RevokedAt == null && s.OrganisationId != null)
            .OrderBy(s => s.Id).Select(s => s.OrganisationId).FirstOrDefaultAsync(ct);
        return organisationId is null ? null : new StaffScope(false, organisationId);
    }

    public async Task<ArrivalsPage> PageAsync(int organisationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var dueSoonBy = ReferralRemindersJob.DueSoonBy(await calendars.GetAsync(ct), now);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.NameRu, o.NameKk }).SingleAsync(ct);
        var rows = await db.Referrals.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId)
            .OrderByDescending(r => r.IssuedAt).Take(500)
            .Join(db.Applications, r => r.ApplicationId, a => a.Id, (r, a) => new { r, a })
            .Join(db.Children, x => x.a.ChildId, c => c.Id, (x, c) => new ArrivalRow(x.r.Id, x.r.Number, x.a.RegistrationNumber,
                c.LastName + " " + c.FirstName + (c.MiddleName == null ? "" : " " + c.MiddleName),
                x.r.BirthYear, x.r.IssuedAt, x.r.ValidUntil, x.r.Status, x.r.ClosedAt))
            .ToListAsync(ct);
        return new ArrivalsPage(organisationId, new(organisation.NameRu, organisation.NameKk), now,
            Active: [.. rows.Where(r => r.Status == ReferralStatus.Active && r.ValidUntil > dueSoonBy).OrderBy(r => r.ValidUntil)],
            DueSoon: [.. rows.Where(r => r.Status == ReferralStatus.Active && r.ValidUntil <= dueSoonBy).OrderBy(r => r.ValidUntil)],
            Used: [.. rows.Where(r => r.Status == ReferralStatus.Used)],
            Annulled: [.. rows.Where(r => r.Status is ReferralStatus.Annulled or ReferralStatus.Cancelled)],
            Organisations: []);
    }

    public async Task<ArrivalResult> ConfirmAsync(long referralId, StaffScope scope, string actor, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            // The referral first, then the application: the same order as the expiry job, so the two
            // never deadlock, and a referral the job is annulling right now waits here.
            var referral = await db.Referrals.FromSql($"select *, xmin from referrals where id = {referralId} for update").SingleOrDefaultAsync(ct);
            if (referral is null || !scope.Covers(referral.OrganisationId))
                return new ArrivalResult(ArrivalOutcome.NotFound, new("Направление не найдено."));
            if (referral.Status == ReferralStatus.Used)
                return new ArrivalResult(ArrivalOutcome.AlreadyConfirmed, new(
                    "Зачисление по направлению № {0} уже подтверждено.", referral.Number));
            if (referral.Status != ReferralStatus.Active)
                return new ArrivalResult(ArrivalOutcome.Refused, new(
                    "Направление № {0} уже не действует ({1}): зачисление невозможно.", referral.Number, Referral.StatusText(referral.Status)));
            var application = await db.Applications.FromSql($"select *, xmin from applications where id = {referral.ApplicationId} for update").SingleAsync(ct);
            try
            {
                application.ConfirmArrival(referral, clock.GetUtcNow(), actor);
            }
            catch (DomainException e)
            {
                db.ChangeTracker.Clear();
                return new ArrivalResult(ArrivalOutcome.Refused, e.Text);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ArrivalResult(ArrivalOutcome.Confirmed, new(
                "Зачисление подтверждено: направление № {0} использовано, ребёнок зачислен.", referral.Number));
        });
    }
}
