using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

/// The journal and the application page, each in a fixed number of SQL queries whatever the
/// number of applications, history events or documents.
public sealed class ApplicationPageQuery(AppDbContext db, QueuePositions positions, TimeProvider clock)
{
    /// Compiled once (EF.CompileAsyncQuery): the hottest page skips EF's per-request query
    /// translation lookup.
    private static readonly Func<AppDbContext, long, IAsyncEnumerable<JournalRow>> JournalQuery = EF.CompileAsyncQuery(
        (AppDbContext db, long personId) => db.Applications.AsNoTracking()
            .Where(a => a.Access.Any(x => x.PersonId == personId))
            .Select(a => new JournalRow(a.Id, a.RegistrationNumber,
                a.Child!.LastName + " " + a.Child.FirstName + (a.Child.MiddleName == null ? "" : " " + a.Child.MiddleName),
                a.Child.Iin, a.TsonNumber, a.PepNumber,
                a.Applicant!.LastName + " " + a.Applicant.FirstName + (a.Applicant.MiddleName == null ? "" : " " + a.Applicant.MiddleName),
                a.CreatedAt, a.Status, a.Privilege, a.Child.BirthDate, a.StatusChangedAt, a.BirthYear)));

    public async Task<List<JournalRow>> JournalAsync(long personId, CancellationToken ct)
    {
        var rows = await ListAsync(JournalQuery(db, personId), ct);
        var numbers = await positions.ForAsync(rows.Select(r => new QueueKey(r.Id, r.BirthYear, r.Status)).ToList());
        return rows.Select(r => r with { QueueNumber = numbers.TryGetValue(r.Id, out var n) ? n : null }).ToList();
    }

    /// Null when the application does not exist or is not this person's: the caller answers 404.
    /// One round trip: the ownership test is part of the page's own query.
    public Task<ApplicationPage?> PageAsync(long applicationId, long personId, CancellationToken ct) =>
        PageByIdAsync(applicationId, personId, ct);

    /// For staff: the same page, scoped by the caller's own query (which finds the id first).
    public async Task<ApplicationPage?> PageAsync(IQueryable<Application> scoped, CancellationToken ct)
    {
        var ids = await scoped.Select(a => a.Id).Take(2).ToListAsync(ct);
        return ids is [var id] ? await PageByIdAsync(id, null, ct) : null;
    }

    /// The whole page in one SQL round trip: the application, applicant and child, and — as JSON
    /// — its history, documents, latest referral and the kinds of free seats of its birth year.
    /// Column aliases are snake_case (SqlQuery maps through the context's naming convention).
    private async Task<ApplicationPage?> PageByIdAsync(long applicationId, long? personId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = (await db.Database.SqlQuery<PageRow>($"""
            select a.id, a.registration_number, a.created_at, a.tson_number, a.pep_number, a.status, a.status_changed_at, a.queued_at,
                   a.additional_email, a.additional_phone, a.preferred_language, a.expired_referral_count, a.stop_listed_until,
                   a.offered_until, a.privilege, a.birth_year,
                   a.parenthood_review, a.privilege_review, a.priority_group, a.privilege_valid_until, a.applicant_id,
                   concat_ws(' ', p.last_name, p.first_name, p.middle_name) as applicant_name, p.iin as applicant_iin,
                   p.birth_date as applicant_birth_date, p.phone as applicant_phone, p.email as applicant_email, p.address as applicant_address,
                   concat_ws(' ', c.last_name, c.first_name, c.middle_name) as child_name, c.iin as child_iin, c.birth_date as child_birth_date,
                   (select coalesce(json_agg(json_build_object('At', e.at, 'Kind', e.kind, 'Actor', e.actor, 'From', e.from_status,
                           'To', e.to_status, 'Reason', e.reason, 'Signed', e.signed_xml is not null) order by e.at desc, e.id desc), '[]')
                      from application_events e where e.application_id = a.id)::text as history,
                   (select coalesce(json_agg(json_build_object('Id', d.id, 'Title', d.title, 'FileName', d.file_name, 'CreatedAt', d.created_at)
                           order by d.created_at desc), '[]')
                      from application_documents d where d.application_id = a.id)::text as documents,
                   (select json_build_object('Id', r.id, 'Number', r.number, 'OrganisationName', o.name_ru, 'IssuedAt', r.issued_at,
                           'ValidUntil', r.valid_until, 'Status', r.status)
                      from referrals r join organisations o on o.id = r.organisation_id
                      where r.application_id = a.id order by r.issued_at desc limit 1)::text as referral,
                   (select coalesce(json_agg(distinct jsonb_build_object('Type', o.type, 'OpenToAll', s.priority_until is null or s.priority_until < {now})), '[]')
                      from seats s join organisations o on o.id = s.organisation_id
                      where s.birth_year = extract(year from c.birth_date)::int and s.free_seats > 0 and o.is_active)::text as seat_kinds,
                   (select coalesce(json_agg(json_build_object('ApplicationId', h.application_id, 'Day', h.day, 'Number', h.number,
                           'Previous', h.previous, 'ReferredAhead', h.referred_ahead, 'RemovedAhead', h.removed_ahead,
                           'AgedOutAhead', h.aged_out_ahead, 'PrivilegedAhead', h.privileged_ahead, 'ReturnedAhead', h.returned_ahead,
                           'Other', h.other) order by h.day desc), '[]')
                      from (select * from queue_number_history q where q.application_id = a.id
                            order by q.day desc limit {QueueHistoryLength}) h)::text as queue_history
            from applications a
            join people p on p.id = a.applicant_id
            join children c on c.id = a.child_id
            where a.id = {applicationId}
              and ({personId}::bigint is null or exists (select 1 from application_access x where x.application_id = a.id and x.person_id = {personId}))
            """).ToListAsync(ct)).SingleOrDefault();
        if (row is null) return null;

        var page = new ApplicationPage(row.Id, row.RegistrationNumber, row.CreatedAt, row.TsonNumber, row.PepNumber,
            (ApplicationStatus)row.Status, row.StatusChangedAt, row.QueuedAt, row.AdditionalEmail, row.AdditionalPhone,
            (InstructionLanguage)row.PreferredLanguage, row.ExpiredReferralCount, row.StopListedUntil, row.OfferedUntil,
            new PersonBlock(row.ApplicantName, row.ApplicantIin.Trim(), row.ApplicantBirthDate, row.ApplicantPhone, row.ApplicantEmail, row.ApplicantAddress),
            new ChildBlock(row.ChildName, row.ChildIin.Trim(), row.ChildBirthDate, (Privilege)row.Privilege), row.BirthYear);
        var kinds = Json<List<SeatKind>>(row.SeatKinds);
        var seats = new SeatSummary(
            kinds.Any(k => k.Type == OrganisationType.PrivateStateOrder),
            kinds.Any(k => k.Type == OrganisationType.State && k.OpenToAll),
            kinds.Any(k => k.Type == OrganisationType.State && !k.OpenToAll));
        return page with
        {
            QueueNumber = await positions.ForAsync(new QueueKey(page.Id, page.BirthYear, page.Status)),
            History = Json<List<HistoryRow>>(row.History),
            QueueHistory = Json<List<QueueNumberDay>>(row.QueueHistory),
            Documents = Json<List<DocumentRow>>(row.Documents),
            Referral = row.Referral is null ? null : Json<ActiveReferral>(row.Referral),
            Buttons = ButtonsFor(page, seats, now),
            // The reviews (parenthood, privilege) from the same row: no second query for the page.
            Review = personId is { } person
                ? new Privileges.ReviewStatus((ParenthoodReview)row.ParenthoodReview, (PrivilegeReview)row.PrivilegeReview, page.Child.Privilege,
                    (PriorityGroup)row.PriorityGroup, row.PrivilegeValidUntil, row.ApplicantId == person, page.Status.IsInQueue())
                : null,
        };
    }

    private sealed record PageRow(long Id, string RegistrationNumber, DateTimeOffset CreatedAt, string? TsonNumber, string? PepNumber,
        int Status, DateTimeOffset StatusChangedAt, DateTimeOffset QueuedAt, string? AdditionalEmail, string? AdditionalPhone,
        int PreferredLanguage, int ExpiredReferralCount, DateTimeOffset? StopListedUntil, DateTimeOffset? OfferedUntil, int Privilege,
        int BirthYear, string ApplicantName, string ApplicantIin, DateOnly ApplicantBirthDate, string? ApplicantPhone, string? ApplicantEmail,
        string? ApplicantAddress, string ChildName, string ChildIin, DateOnly ChildBirthDate, string History, string Documents,
        string? Referral, string SeatKinds, int ParenthoodReview, int PrivilegeReview, int PriorityGroup,
        DateTimeOffset? PrivilegeValidUntil, long ApplicantId, string QueueHistory);

    /// "Why did my queue number change": the application's last changes (Jobs/QueueSnapshotJob).
    public const int QueueHistoryLength = 30;

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static T Json<T>(string json) => System.Text.Json.JsonSerializer.Deserialize<T>(json, JsonOptions)!;

    private sealed record SeatSummary(bool PrivateFree, bool StateFreeOpenToAll, bool StateFreeInWindow);

    private sealed record SeatKind(OrganisationType Type, bool OpenToAll);

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
        return list;
    }

    private static Buttons ButtonsFor(ApplicationPage page, SeatSummary seats, DateTimeOffset now)
    {
        var whyNoPrivate = KindergartenEligibility.Private(page.Status, page.Child.BirthDate,
            page.StopListedUntil, seats.PrivateFree, now);
        var whyNoState = KindergartenEligibility.State(page.Status, page.StopListedUntil, page.OfferedUntil,
            new StateSeats(seats.StateFreeOpenToAll, seats.StateFreeInWindow), now).FirstOrDefault();
        return new Buttons(whyNoPrivate.Count == 0, whyNoPrivate, whyNoState is null, whyNoState, page.Status.IsInQueue());
    }
}
