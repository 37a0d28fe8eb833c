using System.Security.Claims;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Audit;

/// Who (IIN, name), when, what, which application, from which address. <see cref="Add"/> puts the
/// entry into the caller's unit of work, so it is saved with the change it describes or not at all;
/// <see cref="RecordAsync"/> saves a look-up on its own.
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public static class Actions
    {
        public const string ViewApplication = "application.view";
        public const string ViewSignedDocument = "application.signed-document";
        public const string Reveal = "application.reveal";
        public const string Search = "callcentre.search";
        public const string SearchApplications = "applications.search";
        public const string CallNote = "callcentre.note";
        public const string ConfirmArrival = "application.confirm-arrival";
        public const string CancelReferral = "application.cancel-referral";
        public const string LiftStopList = "application.lift-stop-list";
        public const string RemoveFromQueue = "application.remove";
        public const string CorrectPrivilege = "application.correct-privilege";
        public const string ConfirmParenthood = "application.confirm-parenthood";
        public const string RejectParenthood = "application.reject-parenthood";
        public const string ConfirmPrivilege = "application.confirm-privilege";
        public const string RejectPrivilege = "application.reject-privilege";
        public const string Detach = "application.detach";
        public const string ViewReviews = "reviews.view";
        public const string Organisation = "organisation.change";
        public const string Calendar = "calendar.change";
        public const string Staff = "staff.change";
        public const string Release = "release.create";
    }

    public void Add(string action, long? applicationId, string? details)
    {
        var context = http.HttpContext;
        var user = context?.User ?? new ClaimsPrincipal();
        db.Set<AuditEntry>().Add(new AuditEntry(clock.GetUtcNow(), user.Iin() ?? "", user.Identity?.Name ?? "", action,
            applicationId, details, context?.Connection.RemoteIpAddress?.ToString()));
    }

    public async Task RecordAsync(string action, long? applicationId, string? details, CancellationToken ct)
    {
        Add(action, applicationId, details);
        await db.SaveChangesAsync(ct);
    }
}
