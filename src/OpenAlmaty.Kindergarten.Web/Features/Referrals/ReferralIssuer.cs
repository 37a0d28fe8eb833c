using System.Data;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Documents;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;

namespace OpenAlmaty.Kindergarten.Web.Features.Referrals;

/// Issues a referral and takes its seat in one transaction.
///
/// Two guards make it exact under any number of simultaneous requests:
/// - the application row is locked (SELECT … FOR UPDATE), so a second click for the same
///   application waits and then finds it already referred (and the partial unique index
///   ux_referrals_one_active is the backstop);
/// - the seat is taken by one conditional UPDATE (free_seats = free_seats - 1 WHERE free_seats > 0):
///   PostgreSQL serialises updates of the row and re-checks the condition after the other
///   transaction commits, so the count never goes below zero and a lost race answers "taken".
///
/// The referral's PDF is drawn after COMMIT, only for a request that got its seat: in a rush the
/// requests that lose the race never draw one, and nothing is locked while one is drawn. Should
/// the PDF fail after COMMIT (the process stopped, say), the referral stands and
/// <see cref="Jobs.ReferralDocumentsJob"/> draws it within the minute.
///
/// Taking the child out of the queue changes queue numbers; with a queue cache in this process
/// (the portal), the transaction asks the trigger to stay silent and the cache is told after
/// COMMIT (decision 0005: NOTIFY's commit lock would otherwise be held with the seat row).
public sealed class ReferralIssuer(AppDbContext db, TimeProvider clock, WorkingCalendarSource calendars, ReferralDocuments documents,
    ILogger<ReferralIssuer> log, Features.Applications.QueueOrderCache? queue = null, Jobs.IAfterCommit? afterCommit = null)
{
    public static readonly LocalizedText SeatTaken = new(
        "Пока вы выбирали, последнее свободное место в этой организации заняли. Выберите другую организацию из списка.");

    /// <paramref name="signedRequestId"/>: the parent's signed request, used up in the same
    /// transaction (Signatures/SignedRequests.ConsumeAsync).
    /// <paramref name="releaseSeat"/>: the seat is a release's offer, not a first-come seat; the
    /// callback takes it (with its own guard and row lock) inside the same transaction, after the
    /// referral is saved, instead of the seats table.
    public async Task<Referral> IssueAsync(long applicationId, int organisationId, OrganisationType expectedType,
        string actor, string? signedXml, CancellationToken ct = default, Guid? signedRequestId = null,
        Func<Referral, CancellationToken, Task>? releaseSeat = null)
    {
        (Referral Referral, Application Application, PreschoolOrganisation Organisation) issued;
        try
        {
            issued = await IssueInTransactionAsync(applicationId, organisationId, expectedType, actor, signedXml, signedRequestId, releaseSeat, ct);
        }
        catch
        {
            // Nothing of a refused attempt may be saved later by the same context.
            db.ChangeTracker.Clear();
            throw;
        }
        var referral = issued.Referral;
        queue?.Changed(referral.BirthYear);
        // After COMMIT: the notification is delivered and the PDF made sure of by jobs.
        afterCommit?.NotificationsWritten();
        afterCommit?.ReferralIssued(referral.Id);
        try
        {
            // With what the transaction already read: nothing is loaded again for the PDF.
            await StoreDocumentAsync(referral, issued.Application, issued.Organisation, CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or IOException)
        {
            log.LogError(e, "Referral {Number} issued, its PDF not stored yet; the referral-documents job will draw it", referral.Number);
        }
        return referral;
    }

    /// Draws and stores the referral's PDF unless it is stored already; true when this call stored it.
    /// The made-once rule holds under any race: ux on application_documents.referral_id.
    public async Task<bool> StoreDocumentAsync(long referralId, CancellationToken ct)
    {
        if (await db.ApplicationDocuments.AnyAsync(d => d.ReferralId == referralId, ct)) return false;
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId, ct);
        var application = await db.Applications.AsNoTracking().Include(a => a.Child).Include(a => a.Applicant)
            .SingleAsync(a => a.Id == referral.ApplicationId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == referral.OrganisationId, ct);
        return await StoreDocumentAsync(referral, application, organisation, ct);
    }

    /// Draws the PDF again from the referral as it is now and replaces the stored one (or stores
    /// it, when none is stored yet). The referral's number and code stay; its dates may have moved.
    public async Task RedrawDocumentAsync(long referralId, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId, ct);
        var application = await db.Applications.AsNoTracking().Include(a => a.Child).Include(a => a.Applicant)
            .SingleAsync(a => a.Id == referral.ApplicationId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == referral.OrganisationId, ct);
        var pdf = documents.Render(referral, application, organisation);
        if (await db.ApplicationDocuments.Where(d => d.ReferralId == referralId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Content, pdf), ct) == 0)
            await StoreDocumentAsync(referral, application, organisation, ct);
    }

    private async Task<bool> StoreDocumentAsync(Referral referral, Application application, PreschoolOrganisation organisation, CancellationToken ct)
    {
        var document = new ApplicationDocument(referral.ApplicationId, DocumentKind.Referral,
            $"Направление № {referral.Number} / Жолдама № {referral.Number}", ReferralDocuments.FileName(referral),
            ReferralDocuments.ContentType, documents.Render(referral, application, organisation), referral.IssuedAt, referral.Id);
        db.ApplicationDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.Entry(document).State = EntityState.Detached;
            return false;
        }
    }

    private async Task<(Referral, Application, PreschoolOrganisation)> IssueInTransactionAsync(long applicationId, int organisationId, OrganisationType expectedType,
        string actor, string? signedXml, Guid? signedRequestId, Func<Referral, CancellationToken, Task>? releaseSeat, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            if (queue is not null)
                await db.Database.ExecuteSqlAsync(
                    $"select set_config({Features.Applications.QueueOrderCache.NotifyAfterCommitSetting}, 'on', true)", ct);
            var now = clock.GetUtcNow();
            var application = await db.Applications
                .FromSql($"select *, xmin from applications where id = {applicationId} for update")
                .Include(a => a.Child)
                .Include(a => a.Applicant)
                .SingleOrDefaultAsync(ct)
                ?? throw new DomainException("application.not-found", new("Заявление не найдено."));
            // After the application's row lock: a second click waits here, then finds the request used.
            if (signedRequestId is { } requestId) await Signatures.SignedRequests.ConsumeAsync(db, requestId, now, ct);
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct);
            if (organisation is null || organisation.Type != expectedType)
                throw new DomainException("organisation.not-found", new("Дошкольная организация не найдена."));
            if (releaseSeat is null) await CheckKindOfSeatAsync(application, organisation, now, ct);
            else CheckPrivateConditions(application, organisation, now);

            var calendar = await calendars.GetAsync(ct);
            var validUntil = PortalRules.ReferralValidUntil(calendar, now);
            var number = await NextReferralNumberAsync(now, ct);
            // The domain checks the application's status and stop-list before anything is written.
            var referral = application.IssueReferral(organisation, number, ReferralNumbers.NewVerificationCode(), now, validUntil, actor, signedXml);

            // A cheap unlocked look first: when the seats are gone, say so before writing anything.
            if (releaseSeat is null && !await db.Seats.AnyFreeAsync(organisationId, application.BirthYear, ct))
                throw new DomainException("seat.taken", SeatTaken);

            db.Referrals.Add(referral);
            await db.SaveChangesAsync(ct);
            await Notifications.Outbox.ReferralIssuedAsync(db, referral, ct);
            if (releaseSeat is not null)
            {
                await releaseSeat(referral, ct);
                await tx.CommitAsync(ct);
                return (referral, application, organisation);
            }

            // The seat is taken last, just before COMMIT: the seat row (shared by every parent who
            // wants this organisation) stays locked for one statement, not for the inserts.
            var taken = await db.Database.ExecuteSqlAsync(
                $"""
                update seats set free_seats = free_seats - 1, updated_at = {now}, updated_by = {actor}
                where organisation_id = {organisationId} and birth_year = {application.BirthYear} and free_seats > 0
                """, ct);
            if (taken == 0) throw new DomainException("seat.taken", SeatTaken);
            await tx.CommitAsync(ct);
            return (referral, application, organisation);
        });
    }

    /// A private seat needs the private-kindergarten conditions; a state seat inside its priority
    /// window is open only to the children it was offered to (KindergartenEligibility, as on the page).
    private async Task CheckKindOfSeatAsync(Application application, PreschoolOrganisation organisation, DateTimeOffset now, CancellationToken ct)
    {
        if (organisation.Type == OrganisationType.PrivateStateOrder)
        {
            CheckPrivateConditions(application, organisation, now);
            return;
        }
        var seat = await db.Seats.AsNoTracking()
            .SingleOrDefaultAsync(s => s.OrganisationId == organisation.Id && s.BirthYear == application.BirthYear, ct);
        // Status and stop-list are the domain's IssueReferral's to refuse; here, the seat's window.
        var inWindow = seat?.PriorityUntil is { } until && Deadline.IsOpen(until, now);
        var free = seat is { FreeSeats: > 0 };
        var seats = new StateSeats(OpenToAll: free && !inWindow, InWindow: free && inWindow);
        var offered = KindergartenEligibility.IsOffered(application.Status, application.OfferedUntil, now);
        if (KindergartenEligibility.StateSeat(seats, offered) is { } why) throw new DomainException("seat.priority", why);
    }

    private static void CheckPrivateConditions(Application application, PreschoolOrganisation organisation, DateTimeOffset now)
    {
        if (organisation.Type != OrganisationType.PrivateStateOrder) return;
        var unmet = KindergartenEligibility.Private(application.Status, application.Child!.BirthDate,
            application.StopListedUntil, freePrivateSeatForAgeGroup: true, now);
        if (unmet.Count > 0) throw new DomainException("referral.not-eligible", unmet[0]);
    }

    private async Task<string> NextReferralNumberAsync(DateTimeOffset now, CancellationToken ct)
    {
        var next = await db.Database.SqlQuery<long>($"select nextval('referral_number_seq') as \"Value\"").SingleAsync(ct);
        return ReferralNumbers.Format(AlmatyTime.ToLocal(now).Year, next);
    }
}
