using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Verify;

/// The public page that a referral's QR code opens: anyone holding the paper (a kindergarten's
/// staff, an inspector) can see that the referral exists and whether it is valid now. It shows
/// no IIN and no parent; the child appears as initials only.
[AllowAnonymous]
public sealed class VerifyController(AppDbContext db, TimeProvider clock) : Controller
{
    /// Matches the column's length; a longer code cannot exist, so no query is made for it.
    private const int MaxCodeLength = 32;

    [HttpGet("/verify/{code}")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Features.SignIn.SignInSetup.VerifyRateLimitPolicy)]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var found = code.Length <= MaxCodeLength ? await FindAsync(code, cancellationToken) : null;
        if (found is null)
        {
            var notFound = View("NotFound");
            notFound.StatusCode = StatusCodes.Status404NotFound;
            return notFound;
        }
        return View(new VerifyViewModel(found, clock.GetUtcNow()));
    }

    private Task<VerifiedReferral?> FindAsync(string code, CancellationToken cancellationToken) =>
        (from referral in db.Referrals.AsNoTracking()
         where referral.VerificationCode == code
         join application in db.Applications on referral.ApplicationId equals application.Id
         join child in db.Children on application.ChildId equals child.Id
         select new VerifiedReferral(
             referral.Number,
             referral.Organisation!.NameRu,
             referral.Organisation.NameKk,
             referral.Organisation.Address,
             referral.BirthYear,
             // Only the first letters leave the database.
             child.LastName.Substring(0, 1),
             child.FirstName.Substring(0, 1),
             referral.Status,
             referral.IssuedAt,
             referral.ValidUntil,
             referral.ClosedAt))
        .FirstOrDefaultAsync(cancellationToken);
}
