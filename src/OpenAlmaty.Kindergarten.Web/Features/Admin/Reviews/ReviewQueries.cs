using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Reviews;

public sealed record ReviewDocument(long Id, string Title, string FileName, string ContentType, DateTimeOffset CreatedAt);

public sealed record ReviewRow(long Id, string RegistrationNumber, string ChildName, string ChildIin, string ApplicantName,
    DateTimeOffset CreatedAt, ParenthoodReview Parenthood, PrivilegeReview PrivilegeReview, Privilege Privilege,
    DateTimeOffset WaitingSince)
{
    public IReadOnlyList<ReviewDocument> Documents { get; init; } = [];
    public District? District { get; init; }
}

/// What waits, in all and per district (null: an old application without a district).
public sealed record ReviewCounts(int Parenthood, int Privileges, IReadOnlyList<DistrictReviewCount> ByDistrict);

public sealed record DistrictReviewCount(District? District, int Parenthood, int Privileges);

/// What waits for staff: applications whose applicant's right or privilege is under review, in
/// the staff member's scope (and the district chosen in the filter), the longest waiting first.
public sealed class ReviewQueries(AppDbContext db, StaffScope scope)
{
    public const int PageSize = 50;

    private async Task<IQueryable<Application>> WaitingAsync(District? district, CancellationToken ct)
    {
        var waiting = (await scope.ApplicationsAsync(ct)).AsNoTracking()
            .Where(a => a.ParenthoodReview == ParenthoodReview.UnderReview || a.PrivilegeReview == PrivilegeReview.UnderReview);
        return district is { } d ? StaffScope.InDistrict(db, waiting, d) : waiting;
    }

    /// Counted per district in memory: what waits is at most a few thousand rows, read through the
    /// partial index ix_applications_under_review.
    public async Task<ReviewCounts> CountsAsync(CancellationToken ct)
    {
        var waiting = await WaitingAsync(null, ct);
        var reviews = await waiting.Select(a => new { a.Id, a.ParenthoodReview, a.PrivilegeReview }).ToListAsync(ct);
        var districts = await StaffScope.Districts(db, waiting).ToDictionaryAsync(x => x.Id, x => x.District, ct);
        var byDistrict = reviews.GroupBy(r => districts.GetValueOrDefault(r.Id))
            .Select(g => new DistrictReviewCount(g.Key, g.Count(r => r.ParenthoodReview == ParenthoodReview.UnderReview),
                g.Count(r => r.PrivilegeReview == PrivilegeReview.UnderReview)))
            .OrderBy(c => c.District is null).ThenBy(c => c.District)
            .ToList();
        return new ReviewCounts(byDistrict.Sum(c => c.Parenthood), byDistrict.Sum(c => c.Privileges), byDistrict);
    }

    public async Task<IReadOnlyList<ReviewRow>> ListAsync(District? district, CancellationToken ct)
    {
        var found = await (await WaitingAsync(district, ct))
            .Select(a => new
            {
                a.Id, a.RegistrationNumber, Child = a.Child!.LastName + " " + a.Child.FirstName, ChildIin = a.Child.Iin,
                Applicant = a.Applicant!.LastName + " " + a.Applicant.FirstName, a.CreatedAt, a.ParenthoodReview, a.PrivilegeReview, a.Privilege,
                // Waiting since the newest document handed in (a renewal waits from its upload).
                WaitingSince = db.ApplicationDocuments.Where(d => d.ApplicationId == a.Id
                        && (d.Kind == DocumentKind.ParenthoodEvidence || d.Kind == DocumentKind.PrivilegeEvidence))
                    .Max(d => (DateTimeOffset?)d.CreatedAt) ?? a.CreatedAt,
            })
            .OrderBy(r => r.WaitingSince).ThenBy(r => r.Id)
            .Take(PageSize)
            .ToListAsync(ct);
        var rows = found.Select(a => new ReviewRow(a.Id, a.RegistrationNumber, a.Child, a.ChildIin, a.Applicant, a.CreatedAt,
            a.ParenthoodReview, a.PrivilegeReview, a.Privilege, a.WaitingSince)).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var documents = await db.ApplicationDocuments.AsNoTracking()
            .Where(d => ids.Contains(d.ApplicationId) && (d.Kind == DocumentKind.ParenthoodEvidence || d.Kind == DocumentKind.PrivilegeEvidence))
            .OrderBy(d => d.CreatedAt)
            .Select(d => new { d.ApplicationId, Row = new ReviewDocument(d.Id, d.Title, d.FileName, d.ContentType, d.CreatedAt) })
            .ToListAsync(ct);
        var byApplication = documents.ToLookup(d => d.ApplicationId, d => d.Row);
        var districts = await StaffScope.Districts(db, db.Applications.Where(a => ids.Contains(a.Id))).ToDictionaryAsync(x => x.Id, x => x.District, ct);
        return rows.Select(r => r with { Documents = byApplication[r.Id].ToList(), District = districts.GetValueOrDefault(r.Id) }).ToList();
    }
}
