using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Shared;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Queue;

public sealed record QueueFilter(int? BirthYear, Privilege? Privilege, InstructionLanguage? Language, District? District, string? Q, int Page = 1);

public sealed record QueueRow(long Id, int Position, string RegistrationNumber, string ChildName, string ChildIin, int Privilege,
    int Language, DateTimeOffset QueuedAt, int Status, DateTimeOffset? StopListedUntil, long Total);

public sealed record YearCount(int BirthYear, long Count);

public sealed record QueueList(QueueFilter Filter, int BirthYear, IReadOnlyList<YearCount> Years, IReadOnlyList<QueueRow> Rows,
    ListPage Paging, District? ScopeDistrict);

/// One birth year's queue in queue order, filtered and paged in the database. The queue number is
/// QueueOrder.Position written in SQL over window counts, so a filtered page still shows each
/// child's number in the whole birth year.
public sealed class QueueListQuery(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<QueueList> ListAsync(QueueFilter filter, District? scopeDistrict, CancellationToken ct)
    {
        var years = await db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Queued || a.Status == ApplicationStatus.Notified)
            .GroupBy(a => a.BirthYear).OrderBy(g => g.Key).Select(g => new YearCount(g.Key, g.LongCount())).ToListAsync(ct);
        var year = filter.BirthYear ?? (years.Count > 0 ? years[0].BirthYear : DateTime.UtcNow.Year - 3);
        var district = (int?)(scopeDistrict ?? filter.District);
        var privilege = (int?)filter.Privilege;
        var language = (int?)filter.Language;
        var q = string.IsNullOrWhiteSpace(filter.Q) ? null : filter.Q.Trim();
        var pattern = q is null ? null : "%" + q.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var page = Math.Max(1, filter.Page);
        var skip = (page - 1) * PageSize;
        var rows = await db.Database.SqlQuery<QueueRow>($"""
            with q as (
              select a.id, a.priority_group,
                row_number() over (partition by a.priority_group order by a.queued_at, a.id) as r,
                count(*) filter (where a.priority_group = 0) over () as o,
                count(*) filter (where a.priority_group = 1) over () as f,
                count(*) filter (where a.priority_group = 2) over () as g
              from applications a where app_status_in_queue(a.status) and a.birth_year = {year}
            ), p as (
              select id, case priority_group when 0 then r when 1 then o + r + least(g, 3 * (r - 1))
                else o + r + least(f, (r - 1) / 3 + 1) end as pos
              from q
            )
            select a.id as id, p.pos::int as position, a.registration_number as registration_number,
              c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '') as child_name, c.iin as child_iin,
              a.privilege as privilege, a.preferred_language as language, a.queued_at as queued_at, a.status as status,
              a.stop_listed_until as stop_listed_until, count(*) over () as total
            from p join applications a on a.id = p.id join children c on c.id = a.child_id
            where ({privilege}::int is null or a.privilege = {privilege}::int)
              and ({language}::int is null or a.preferred_language = {language}::int)
              and ({district}::int is null or (select o.district from referrals r join organisations o on o.id = r.organisation_id
                   where r.application_id = a.id order by r.issued_at desc limit 1) = {district}::int)
              and ({q}::text is null or upper(a.registration_number) = upper({q}::text) or c.iin = {q}::text
                   or lower(c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '')) like {pattern}::text)
            order by p.pos
            offset {skip} limit {PageSize}
            """).ToListAsync(ct);
        var total = rows.Count > 0 ? rows[0].Total : 0;
        // The filter the URL carries: the birth year shown (the first one when none was asked for).
        var paging = new ListPage(page, PageSize, total, "/admin/queue", new Dictionary<string, string?>
        {
            ["birthYear"] = year.ToString(CultureInfo.InvariantCulture), ["privilege"] = filter.Privilege?.ToString(),
            ["language"] = filter.Language?.ToString(), ["district"] = filter.District?.ToString(), ["q"] = filter.Q,
        });
        return new QueueList(filter, year, years, rows, paging, scopeDistrict);
    }
}
