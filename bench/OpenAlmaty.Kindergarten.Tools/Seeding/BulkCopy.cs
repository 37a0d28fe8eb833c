using Npgsql;
using NpgsqlTypes;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Tools.Seeding;

/// Binary COPY of a <see cref="BulkPlan"/>, table by table in foreign-key order.
internal static class BulkCopy
{
    private const string Generator = "Генератор данных для нагрузочных тестов";

    public static async Task WriteAsync(NpgsqlConnection connection, BulkPlan plan, CancellationToken ct)
    {
        await CopyAsync(connection, "organisations (id, type, name_ru, name_kk, language, district, address, phones, website, latitude, longitude, is_active)",
            plan.Organisations, (w, o) =>
            {
                w.Write(o.Id, NpgsqlDbType.Integer); w.Write((int)o.Type, NpgsqlDbType.Integer);
                w.Write(o.NameRu, NpgsqlDbType.Varchar); w.Write(o.NameKk, NpgsqlDbType.Varchar);
                w.Write((int)o.Language, NpgsqlDbType.Integer); w.Write((int)o.District, NpgsqlDbType.Integer);
                w.Write(o.Address, NpgsqlDbType.Varchar); w.Write(o.Phones, NpgsqlDbType.Varchar); w.WriteNull();
                w.Write(o.Latitude, NpgsqlDbType.Double); w.Write(o.Longitude, NpgsqlDbType.Double); w.Write(true, NpgsqlDbType.Boolean);
            }, ct);
        var published = DateTimeOffset.UtcNow;
        await CopyAsync(connection, "seats (id, organisation_id, birth_year, free_seats, priority_until, updated_at, updated_by)", plan.Seats, (w, s) =>
        {
            w.Write(s.Id, NpgsqlDbType.Bigint); w.Write(s.OrganisationId, NpgsqlDbType.Integer); w.Write(s.BirthYear, NpgsqlDbType.Integer);
            w.Write(s.FreeSeats, NpgsqlDbType.Integer); Nullable(w, s.PriorityUntil);
            w.Write(published, NpgsqlDbType.TimestampTz); w.Write(Generator, NpgsqlDbType.Varchar);
        }, ct);
        await CopyAsync(connection, "people (id, iin, last_name, first_name, middle_name, birth_date, phone, email, address)", plan.People, (w, p) =>
        {
            w.Write(p.Id, NpgsqlDbType.Bigint); w.Write(p.Iin, NpgsqlDbType.Char); w.Write(p.LastName, NpgsqlDbType.Varchar);
            w.Write(p.FirstName, NpgsqlDbType.Varchar); w.Write(p.MiddleName, NpgsqlDbType.Varchar); w.Write(p.BirthDate, NpgsqlDbType.Date);
            w.Write(p.Phone, NpgsqlDbType.Varchar); w.Write(p.Email, NpgsqlDbType.Varchar); w.Write(p.Address, NpgsqlDbType.Varchar);
        }, ct);
        await CopyAsync(connection, "children (id, iin, last_name, first_name, middle_name, birth_date, sex)", plan.Children, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Bigint); w.Write(c.Iin, NpgsqlDbType.Char); w.Write(c.LastName, NpgsqlDbType.Varchar);
            w.Write(c.FirstName, NpgsqlDbType.Varchar); w.Write(c.MiddleName, NpgsqlDbType.Varchar); w.Write(c.BirthDate, NpgsqlDbType.Date);
            w.Write(c.Sex, NpgsqlDbType.Integer);
        }, ct);
        await CopyAsync(connection, "applications (id, registration_number, child_id, applicant_id, tson_number, pep_number, created_at, queued_at, privilege, " +
            "priority_group, birth_year, preferred_language, additional_email, additional_phone, status, status_changed_at, expired_referral_count, " +
            "stop_listed_until, offered_until)", plan.Applications, (w, a) =>
        {
            w.Write(a.Id, NpgsqlDbType.Bigint); w.Write(a.RegistrationNumber, NpgsqlDbType.Varchar); w.Write(a.ChildId, NpgsqlDbType.Bigint);
            w.Write(a.Applicant.Id, NpgsqlDbType.Bigint); Nullable(w, a.TsonNumber); Nullable(w, a.PepNumber);
            w.Write(a.QueuedAt, NpgsqlDbType.TimestampTz); w.Write(a.QueuedAt, NpgsqlDbType.TimestampTz);
            w.Write((int)a.Privilege, NpgsqlDbType.Integer); w.Write((int)Domain.Applications.PrivilegeText.GroupOf(a.Privilege), NpgsqlDbType.Integer);
            w.Write(a.BirthYear, NpgsqlDbType.Integer); w.Write((int)a.Language, NpgsqlDbType.Integer);
            Nullable(w, a.AdditionalEmail); Nullable(w, a.AdditionalPhone); w.Write((int)a.Status, NpgsqlDbType.Integer);
            w.Write(a.StatusChangedAt, NpgsqlDbType.TimestampTz); w.Write(a.ExpiredReferralCount, NpgsqlDbType.Integer);
            Nullable(w, a.StopListedUntil); Nullable(w, a.OfferedUntil);
        }, ct);
        await CopyAsync(connection, "application_access (application_id, person_id, kind, since)", plan.Applications, (w, a) =>
        {
            w.Write(a.Id, NpgsqlDbType.Bigint); w.Write(a.Applicant.Id, NpgsqlDbType.Bigint);
            w.Write((int)Domain.Applications.AccessKind.Applicant, NpgsqlDbType.Integer); w.Write(a.QueuedAt, NpgsqlDbType.TimestampTz);
        }, ct);
        await CopyAsync(connection, "referrals (id, number, application_id, organisation_id, birth_year, issued_at, valid_until, status, closed_at, " +
            "close_reason, verification_code, signed_request_xml)", plan.Referrals, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Bigint); w.Write(r.Number, NpgsqlDbType.Varchar); w.Write(r.ApplicationId, NpgsqlDbType.Bigint);
            w.Write(r.OrganisationId, NpgsqlDbType.Integer); w.Write(r.BirthYear, NpgsqlDbType.Integer);
            w.Write(r.IssuedAt, NpgsqlDbType.TimestampTz); w.Write(r.ValidUntil, NpgsqlDbType.TimestampTz); w.Write((int)r.Status, NpgsqlDbType.Integer);
            Nullable(w, r.ClosedAt); Nullable(w, r.CloseReason); w.Write(r.VerificationCode, NpgsqlDbType.Varchar);
            w.Write(DemoStoryPlayer.DemoSignature, NpgsqlDbType.Text);
        }, ct);
        await CopyAsync(connection, "stop_list_entries (id, application_id, \"from\", until, reason, lifted_at, lifted_by)", plan.StopList, (w, s) =>
        {
            w.Write(s.Id, NpgsqlDbType.Bigint); w.Write(s.ApplicationId, NpgsqlDbType.Bigint); w.Write(s.From, NpgsqlDbType.TimestampTz);
            w.Write(s.Until, NpgsqlDbType.TimestampTz); w.Write(s.Reason, NpgsqlDbType.Varchar); w.WriteNull(); w.WriteNull();
        }, ct);
        await CopyAsync(connection, "application_events (id, application_id, at, kind, actor, from_status, to_status, reason, signed_xml)", plan.Events, (w, x) =>
        {
            var e = x.Event;
            w.Write(x.Id, NpgsqlDbType.Bigint); w.Write(x.ApplicationId, NpgsqlDbType.Bigint); w.Write(e.At, NpgsqlDbType.TimestampTz);
            w.Write((int)e.Kind, NpgsqlDbType.Integer); w.Write(e.Actor, NpgsqlDbType.Varchar);
            Nullable(w, (int?)e.From); Nullable(w, (int?)e.To); Nullable(w, e.Reason); Nullable(w, e.SignedXml);
        }, ct);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string tableAndColumns, IEnumerable<T> rows,
        Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"copy {tableAndColumns} from stdin (format binary)", ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }
        await importer.CompleteAsync(ct);
    }

    private static void Nullable(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull();
        else w.Write(value, NpgsqlDbType.Text);
    }

    private static void Nullable(NpgsqlBinaryImporter w, DateTimeOffset? value)
    {
        if (value is { } v) w.Write(v, NpgsqlDbType.TimestampTz);
        else w.WriteNull();
    }

    private static void Nullable(NpgsqlBinaryImporter w, int? value)
    {
        if (value is { } v) w.Write(v, NpgsqlDbType.Integer);
        else w.WriteNull();
    }
}
