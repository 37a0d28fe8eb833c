using System.Data;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Releases;

public sealed record PoolLine(int OrganisationId, int BirthYear, int Seats);

/// Creates a release: its seats are taken out of the published first-come seats in the same
/// transaction (never below zero), so a seat is either in the picker or in a release, never both.
public sealed class ReleaseCreator(AppDbContext db, TimeProvider clock, WorkingCalendarSource calendars, StaffScope scope, AuditLog audit)
{
    public async Task<Release> CreateAsync(string title, AllocationRule rule, DateTimeOffset opensAt, DateTimeOffset closesAt,
        IReadOnlyList<PoolLine> lines, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = lines.Select(l => l.OrganisationId).Distinct().ToList();
        var organisations = await (await scope.OrganisationsAsync(ct)).Where(o => ids.Contains(o.Id) && o.IsActive)
            .ToDictionaryAsync(o => o.Id, ct);
        if (organisations.Count != ids.Count)
            throw new DomainException("release.organisation", new("Организация не найдена или не входит в ваш район."));
        var pools = lines.Select(l => new ReleasePool(l.OrganisationId, organisations[l.OrganisationId].Type, l.BirthYear, l.Seats)).ToList();
        var release = Release.Create(title, rule, opensAt, closesAt, pools, await calendars.GetAsync(ct), now, actor);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            foreach (var line in lines.OrderBy(l => l.OrganisationId).ThenBy(l => l.BirthYear))
            {
                var taken = await db.Database.ExecuteSqlAsync($"""
                    update seats set free_seats = free_seats - {line.Seats}, updated_at = {now}, updated_by = {actor}
                    where organisation_id = {line.OrganisationId} and birth_year = {line.BirthYear} and free_seats >= {line.Seats}
                    """, ct);
                if (taken == 0)
                {
                    var name = organisations[line.OrganisationId].NameRu;
                    throw new DomainException("release.no-seats", new(
                        "В «{0}» для детей {1} г.р. опубликовано меньше {2} свободных мест. Сначала опубликуйте места.", name, line.BirthYear, line.Seats));
                }
            }
            db.Releases.Add(release);
            await db.SaveChangesAsync(ct);
            audit.Add(AuditLog.Actions.Release, null,
                $"release {release.Id} «{release.Title}»: {release.Rule}, {lines.Count} pools, {lines.Sum(l => l.Seats)} seats");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return release;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
