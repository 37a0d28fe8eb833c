using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Notifications;

/// Writes notifications into the outbox with one INSERT … SELECT, inside the caller's transaction,
/// so a message exists exactly when the change it tells about was committed.
public static class Outbox
{
    /// The INSERT for a source query with the columns application_id, referral_id, kind,
    /// dedup_key, subject, body (templates, see <see cref="Parameters"/>), number, organisation,
    /// until_at, created_at. One row per recipient: the applicant's e-mail and phone and the
    /// application's additional ones. A row already written (same key, channel, recipient) is skipped.
    /// The source's subject and body are arrays, one template per language (<see cref="Parameters"/>);
    /// the applicant's stored language (people.language, the one they last read the portal in) picks
    /// one, whoever causes the message: their own action, a staff member's or a job's.
    /// The template is stored as it is, with the values beside it: SendNotificationsJob
    /// fills it in C# when it sends (NotificationTexts.Fill), and keeps the text it sent.
    public static string InsertSql(string source) => $"""
        insert into notifications (application_id, referral_id, kind, channel, recipient, dedup_key, subject, body,
                                   number, organisation, until_at, created_at, attempts, next_attempt_at)
        select s.application_id, s.referral_id, s.kind, rc.channel, rc.recipient, s.dedup_key,
               s.subject[{LanguageIndex}], s.body[{LanguageIndex}], s.number, s.organisation, s.until_at, s.created_at, 0, s.created_at
        from ({source}) s
        join applications a on a.id = s.application_id
        join people p on p.id = a.applicant_id
        cross join lateral (
            select distinct v.channel, btrim(v.recipient) as recipient
            from (values (1, p.email), (1, a.additional_email), (2, p.phone), (2, a.additional_phone)) v(channel, recipient)
            where coalesce(btrim(v.recipient), '') <> '') rc
        on conflict (dedup_key, channel, recipient) do nothing
        """;

    /// The position (from 1) of the applicant's language in the templates' arrays; Russian for any other.
    private static readonly string LanguageIndex =
        $"coalesce(array_position(array[{string.Join(", ", Localization.Lang.Codes.Select(c => $"'{c}'"))}], p.language::text), 1)";

    /// The subject and body templates of the kinds, as @subject_{n} and @body_{n}: text arrays with
    /// one template per language, in the order of <see cref="Localization.Lang.Codes"/>.
    public static IEnumerable<NpgsqlParameter> Parameters(params NotificationKind[] kinds) => kinds.SelectMany(k =>
    {
        var t = NotificationTexts.Of(k);
        return new[] { new NpgsqlParameter(Subject(k)[1..], t.Subjects), new NpgsqlParameter(Body(k)[1..], t.Bodies) };
    });

    public static string Subject(NotificationKind kind) => $"@subject_{(int)kind}";
    public static string Body(NotificationKind kind) => $"@body_{(int)kind}";

    /// "Выдано направление": called by ReferralIssuer inside its transaction, after the referral is saved.
    public static async Task ReferralIssuedAsync(AppDbContext db, Referral referral, CancellationToken ct)
    {
        const NotificationKind kind = NotificationKind.ReferralIssued;
        var sql = InsertSql($"""
            select r.application_id, r.id as referral_id, {(int)kind} as kind, 'issued:' || r.id as dedup_key,
                   {Subject(kind)} as subject, {Body(kind)} as body, r.number, o.name_ru as organisation,
                   r.valid_until as until_at, r.issued_at as created_at
            from referrals r join organisations o on o.id = r.organisation_id
            where r.id = @referral
            """);
        await ExecuteAsync(db, sql, [.. Parameters(kind), new NpgsqlParameter("referral", referral.Id)], ct);
    }

    /// «Отказаться от направления»: in the decline's transaction, after the referral is closed;
    /// {until} is the end of the stop-list.
    public static async Task ReferralDeclinedAsync(AppDbContext db, long referralId, DateTimeOffset stopListUntil, CancellationToken ct)
    {
        const NotificationKind kind = NotificationKind.ReferralDeclined;
        var sql = InsertSql($"""
            select r.application_id, r.id as referral_id, {(int)kind} as kind, 'declined:' || r.id as dedup_key,
                   {Subject(kind)} as subject, {Body(kind)} as body, r.number, o.name_ru as organisation,
                   @until as until_at, r.closed_at as created_at
            from referrals r join organisations o on o.id = r.organisation_id
            where r.id = @referral
            """);
        await ExecuteAsync(db, sql, [.. Parameters(kind), new NpgsqlParameter("referral", referralId), new NpgsqlParameter("until", stopListUntil)], ct);
    }

    /// A calendar change moved running terms on (CalendarDeadlines), in its transaction after the new
    /// ends are saved: {until} is the new end; a message per term and end.
    public static async Task TermsExtendedAsync(AppDbContext db, long[] referrals, long[] stopListed, long[] offered, DateTimeOffset now, CancellationToken ct)
    {
        const NotificationKind referral = NotificationKind.ReferralExtended, stopList = NotificationKind.StopListExtended,
            offer = NotificationKind.StateSeatOfferExtended;
        var sql = InsertSql($"""
            select r.application_id, r.id as referral_id, {(int)referral} as kind,
                   'referral-extended:' || r.id || ':' || to_char(r.valid_until at time zone 'UTC', 'YYYYMMDDHH24MISS') as dedup_key,
                   {Subject(referral)} as subject, {Body(referral)} as body, r.number, o.name_ru as organisation, r.valid_until as until_at, @now as created_at
            from referrals r join organisations o on o.id = r.organisation_id where r.id = any(@referrals)
            union all
            select a.id, null::bigint, {(int)stopList},
                   'stop-list-extended:' || a.id || ':' || to_char(a.stop_listed_until at time zone 'UTC', 'YYYYMMDDHH24MISS'),
                   {Subject(stopList)}, {Body(stopList)}, null::text, null::text, a.stop_listed_until, @now
            from applications a where a.id = any(@stop_listed)
            union all
            select a.id, null::bigint, {(int)offer},
                   'offer-extended:' || a.id || ':' || to_char(a.offered_until at time zone 'UTC', 'YYYYMMDDHH24MISS'),
                   {Subject(offer)}, {Body(offer)}, null::text, null::text, a.offered_until, @now
            from applications a where a.id = any(@offered)
            """);
        await ExecuteAsync(db, sql, [.. Parameters(referral, stopList, offer), new NpgsqlParameter("referrals", referrals),
            new NpgsqlParameter("stop_listed", stopListed), new NpgsqlParameter("offered", offered), new NpgsqlParameter("now", now)], ct);
    }

    /// "Принято решение": a release's seat offered, one message per offer, in the offering transaction.
    public static async Task ReleaseOffersAsync(AppDbContext db, IReadOnlyCollection<long> offerIds, CancellationToken ct)
    {
        if (offerIds.Count == 0) return;
        const NotificationKind kind = NotificationKind.ReleaseSeatOffered;
        var sql = InsertSql($"""
            select o.application_id, null::bigint as referral_id, {(int)kind} as kind, 'release-offer:' || o.id as dedup_key,
                   {Subject(kind)} as subject, {Body(kind)} as body, null::text as number, g.name_ru as organisation,
                   o.valid_until as until_at, o.offered_at as created_at
            from release_offers o join release_pools p on p.id = o.pool_id join organisations g on g.id = p.organisation_id
            where o.id = any(@offers)
            """);
        await ExecuteAsync(db, sql, [.. Parameters(kind), new NpgsqlParameter("offers", offerIds.ToArray())], ct);
    }

    /// One message about one application (a staff decision, a privilege's end), in the caller's transaction.
    public static async Task ApplicationAsync(AppDbContext db, long applicationId, NotificationKind kind, string dedupKey,
        DateTimeOffset? until, DateTimeOffset now, CancellationToken ct)
    {
        var sql = InsertSql($"""
            select @application::bigint as application_id, null::bigint as referral_id, {(int)kind} as kind, @dedup::text as dedup_key,
                   {Subject(kind)} as subject, {Body(kind)} as body, null::text as number, null::text as organisation,
                   @until::timestamptz as until_at, @now::timestamptz as created_at
            """);
        await ExecuteAsync(db, sql, [.. Parameters(kind), new NpgsqlParameter("application", applicationId), new NpgsqlParameter("dedup", dedupKey),
            new NpgsqlParameter("until", (object?)until ?? DBNull.Value), new NpgsqlParameter("now", now)], ct);
    }

    /// On the context's connection and transaction. Not EF's ExecuteSqlRaw: it would read the
    /// templates' {placeholders} as its own format items.
    public static async Task ExecuteAsync(AppDbContext db, string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken ct)
    {
        await using var command = Jobs.JobSql.Command(db, sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }
}
