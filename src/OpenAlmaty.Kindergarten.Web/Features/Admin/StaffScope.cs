using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin;

/// What part of Almaty the signed-in education staff member answers for: all of it (an
/// administrator, or staff granted with no district) or one district. Read from staff_members on
/// each request, so a revoked or narrowed grant takes effect at once, whatever the cookie says.
///
/// The district of an application (the applicant's address is free text): the district of the
/// organisation of its most recent referral. An application never referred belongs to no district
/// and is seen by city-wide staff only.
public sealed class StaffScope(AppDbContext db, IHttpContextAccessor http)
{
    private Scope? _scope;

    public sealed record Scope(bool Granted, District? District)
    {
        public bool CityWide => Granted && District is null;
    }

    public async Task<Scope> CurrentAsync(CancellationToken ct)
    {
        if (_scope is not null) return _scope;
        var iin = http.HttpContext?.User.Iin();
        var grants = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Iin == iin && s.RevokedAt == null && (s.Role == StaffRole.EducationStaff || s.Role == StaffRole.Administrator))
            .Select(s => new { s.Role, s.District })
            .ToListAsync(ct);
        _scope = grants.Count == 0 ? new Scope(false, null)
            : grants.Any(g => g.Role == StaffRole.Administrator || g.District is null) ? new Scope(true, null)
            : new Scope(true, grants[0].District);
        return _scope;
    }

    public async Task<IQueryable<Application>> ApplicationsAsync(CancellationToken ct)
    {
        var scope = await CurrentAsync(ct);
        if (!scope.Granted) return db.Applications.Where(a => false);
        return scope.District is { } district ? InDistrict(db, db.Applications, district) : db.Applications;
    }

    public async Task<IQueryable<PreschoolOrganisation>> OrganisationsAsync(CancellationToken ct)
    {
        var scope = await CurrentAsync(ct);
        if (!scope.Granted) return db.Organisations.Where(o => false);
        return scope.District is { } district ? db.Organisations.Where(o => o.District == district) : db.Organisations;
    }

    public static IQueryable<Application> InDistrict(AppDbContext db, IQueryable<Application> applications, District district) =>
        applications.Where(a => db.Referrals.Where(r => r.ApplicationId == a.Id).OrderByDescending(r => r.IssuedAt)
            .Select(r => (District?)r.Organisation!.District).FirstOrDefault() == district);
}
