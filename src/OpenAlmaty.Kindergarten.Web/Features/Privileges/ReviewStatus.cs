using OpenAlmaty.Kindergarten.Domain.Applications;

namespace OpenAlmaty.Kindergarten.Web.Features.Privileges;

/// What the application page says about the reviews: the applicant's right and the privilege
/// under review, the privilege's term, and whether this person may invite a second parent
/// (read with the page itself, ApplicationPageQuery).
public sealed record ReviewStatus(ParenthoodReview Parenthood, PrivilegeReview PrivilegeReview, Privilege Privilege,
    PriorityGroup PriorityGroup, DateTimeOffset? ValidUntil, bool IsApplicant, bool Active);
