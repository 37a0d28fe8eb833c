using System.Linq.Expressions;
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
/// The district of an application: the district of the organisation of its most recent referral
/// (the department that placed the child answers for it), otherwise the district the applicant
/// chose when filing (docs/decisions/0016). An application filed before the district was asked
/// and never referred belongs to no district and is seen by city-wide staff only.
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

    /// The one definition of an application's district, for filters and for display.
    public static Expression<Func<Application, District?>> DistrictOf(AppDbContext db) =>
        a => db.Referrals.Where(r => r.ApplicationId == a.Id).OrderByDescending(r => r.IssuedAt)
            .Select(r => (District?)r.Organisation!.District).FirstOrDefault() ?? a.District;

    public static IQueryable<Application> InDistrict(AppDbContext db, IQueryable<Application> applications, District district)
    {
        var of = DistrictOf(db);
        return applications.Where(Expression.Lambda<Func<Application, bool>>(
            Expression.Equal(of.Body, Expression.Constant(district, typeof(District?))), of.Parameters));
    }

    /// Each application's id with its district (<see cref="DistrictOf"/>).
    public static IQueryable<ApplicationDistrict> Districts(AppDbContext db, IQueryable<Application> applications)
    {
        var of = DistrictOf(db);
        var a = of.Parameters[0];
        return applications.Select(Expression.Lambda<Func<Application, ApplicationDistrict>>(Expression.MemberInit(
            Expression.New(typeof(ApplicationDistrict)),
            Expression.Bind(typeof(ApplicationDistrict).GetProperty(nameof(ApplicationDistrict.Id))!, Expression.Property(a, nameof(Application.Id))),
            Expression.Bind(typeof(ApplicationDistrict).GetProperty(nameof(ApplicationDistrict.District))!, of.Body)), a));
    }
}

public sealed class ApplicationDistrict
{
    public long Id { get; init; }
    public District? District { get; init; }
}
