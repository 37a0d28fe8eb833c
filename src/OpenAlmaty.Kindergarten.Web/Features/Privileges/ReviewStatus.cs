using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Privileges;

/// What the application page says about the reviews: the applicant's right and the privilege
/// under review, the privilege's term, and whether this person may invite a second parent.
public sealed record ReviewStatus(ParenthoodReview Parenthood, PrivilegeReview PrivilegeReview, Privilege Privilege,
    PriorityGroup PriorityGroup, DateTimeOffset? ValidUntil, bool IsApplicant, bool Active)
{
    public static Task<ReviewStatus?> ForAsync(AppDbContext db, long applicationId, long personId, CancellationToken ct) =>
        db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new ReviewStatus(a.ParenthoodReview, a.PrivilegeReview, a.Privilege, a.PriorityGroup, a.PrivilegeValidUntil,
                a.ApplicantId == personId, a.Status == ApplicationStatus.Queued || a.Status == ApplicationStatus.Notified))
            .SingleOrDefaultAsync(ct);
}
