using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

/// Ownership is part of every query: a parent reaches an application only through a row of
/// application_access with their person id (who filed it, or who attached it).
public static class ParentApplications
{
    public static IQueryable<Application> VisibleTo(this IQueryable<Application> applications, long personId) =>
        applications.Where(a => a.Access.Any(x => x.PersonId == personId));

    public static Task<bool> IsVisibleAsync(this AppDbContext db, long applicationId, long personId, CancellationToken ct) =>
        db.ApplicationAccess.AnyAsync(x => x.ApplicationId == applicationId && x.PersonId == personId, ct);
}
