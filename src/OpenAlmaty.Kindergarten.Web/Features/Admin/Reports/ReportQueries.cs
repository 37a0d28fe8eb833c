using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Reports;

/// The four reports, each within the staff member's scope (a district's staff see their district),
/// titles, columns and words in the reader's language (the CSV and Excel files too).
public sealed class ReportQueries(AppDbContext db, StaffScope scope, TimeProvider clock, Lang<ReportsTexts> lang)
{
    public static readonly string[] Keys = ["queue", "referrals", "seats", "stop-list"];

    public async Task<ReportTable?> BuildAsync(string key, CancellationToken ct) => key switch
    {
        "queue" => await QueueAsync(ct),
        "referrals" => await ReferralsAsync(ct),
        "seats" => await SeatsAsync(ct),
        "stop-list" => await StopListAsync(ct),
        _ => null,
    };

    private async Task<ReportTable> QueueAsync(CancellationToken ct)
    {
        var rows = await (await scope.ApplicationsAsync(ct)).AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Queued || a.Status == ApplicationStatus.Notified)
            .GroupBy(a => new { a.BirthYear, a.Privilege }).Select(g => new { g.Key.BirthYear, g.Key.Privilege, Count = g.Count() })
            .OrderBy(r => r.BirthYear).ThenBy(r => r.Privilege).ToListAsync(ct);
        return new ReportTable("queue", lang["Очередь по году рождения и льготности"],
            [lang["Год рождения"], lang["Льготность"], lang["Детей в очереди"]],
            rows.Select(r => new object[] { r.BirthYear, lang.Of(PrivilegeText.Of(r.Privilege)), r.Count }).ToList(), 0, [2]);
    }

    /// By Almaty week (Monday): issued by the day of issue; used, annulled and cancelled by the day closed.
    private async Task<ReportTable> ReferralsAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-7 * 26);
        var organisations = await scope.OrganisationsAsync(ct);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => organisations.Any(o => o.Id == r.OrganisationId) && (r.IssuedAt >= since || r.ClosedAt >= since))
            .Select(r => new { r.IssuedAt, r.ClosedAt, r.Status }).ToListAsync(ct);
        static DateOnly Week(DateTimeOffset t)
        {
            var day = AlmatyTime.Today(t);
            return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }
        var weeks = new SortedDictionary<DateOnly, int[]>();
        int[] At(DateOnly w) => weeks.TryGetValue(w, out var c) ? c : weeks[w] = new int[4];
        foreach (var r in referrals)
        {
            if (r.IssuedAt >= since) At(Week(r.IssuedAt))[0]++;
            if (r.ClosedAt is { } closed && closed >= since)
                At(Week(closed))[r.Status switch { ReferralStatus.Used => 1, ReferralStatus.Annulled => 2, _ => 3 }]++;
        }
        return new ReportTable("referrals", lang["Направления по неделям"],
            [lang["Неделя с"], lang["Выдано"], lang["Использовано"], lang["Аннулировано"], lang["Отменено"]],
            weeks.Select(w => new object[] { w.Key.ToString("dd.MM.yyyy"), w.Value[0], w.Value[1], w.Value[2], w.Value[3] }).ToList(), 0, [1, 2, 3]);
    }

    private async Task<ReportTable> SeatsAsync(CancellationToken ct)
    {
        var rows = await (await scope.OrganisationsAsync(ct)).AsNoTracking().Where(o => o.IsActive)
            .Select(o => new
            {
                o.NameRu, o.District,
                Free = db.Seats.Where(s => s.OrganisationId == o.Id).Sum(s => (int?)s.FreeSeats) ?? 0,
                Active = db.Referrals.Count(r => r.OrganisationId == o.Id && r.Status == ReferralStatus.Active),
                Used = db.Referrals.Count(r => r.OrganisationId == o.Id && r.Status == ReferralStatus.Used),
            })
            .OrderBy(o => o.District).ThenBy(o => o.NameRu).ToListAsync(ct);
        return new ReportTable("seats", lang["Использование мест по организациям и районам"],
            [lang["Район"], lang["Организация"], lang["Свободно мест"], lang["Направлений действует"],
                lang["Зачислено по направлениям"]],
            rows.Select(r => new object[] { lang.Of(OrganisationText.District(r.District)), r.NameRu, r.Free, r.Active, r.Used }).ToList(),
            0, [2, 4]);
    }

    private async Task<ReportTable> StopListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await (await scope.ApplicationsAsync(ct)).AsNoTracking().Where(a => a.StopListedUntil != null && a.StopListedUntil >= now)
            .OrderBy(a => a.StopListedUntil)
            .Select(a => new
            {
                a.RegistrationNumber, a.BirthYear, Until = a.StopListedUntil!.Value, a.ExpiredReferralCount,
                Reason = a.StopList.OrderByDescending(e => e.From).Select(e => e.Reason).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new ReportTable("stop-list", lang["Стоп-лист сейчас"],
            [lang["Номер заявления"], lang["Год рождения"], lang["В стоп-листе до"],
                lang["Истёкших направлений"], lang["Причина"]],
            rows.Select(r => new object[] { r.RegistrationNumber, r.BirthYear, AlmatyTime.Format(r.Until), r.ExpiredReferralCount, r.Reason ?? "" }).ToList(),
            1, []);
    }
}
