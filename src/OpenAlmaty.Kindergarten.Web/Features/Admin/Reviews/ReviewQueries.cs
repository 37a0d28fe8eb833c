using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Reviews;

public sealed record ReviewDocument(long Id, string Title, string FileName, string ContentType, DateTimeOffset CreatedAt);

public sealed record ReviewRow(long Id, string RegistrationNumber, string ChildName, string ChildIin, string ApplicantName,
    DateTimeOffset CreatedAt, ParenthoodReview Parenthood, PrivilegeReview PrivilegeReview, Privilege Privilege,
    DateTimeOffset WaitingSince)
{
    public IReadOnlyList<ReviewDocument> Documents { get; init; } = [];
}

public sealed record ReviewCounts(int Parenthood, int Privileges);

/// What waits for staff: applications whose applicant's right or privilege is under review, in
/// the staff member's scope, the longest waiting first.
public sealed class ReviewQueries(AppDbContext db, StaffScope scope)
{
    public const int PageSize = 50;

    private async Task<IQueryable<Application>> WaitingAsync(CancellationToken ct) =>
        (await scope.ApplicationsAsync(ct)).AsNoTracking()
            .Where(a => a.ParenthoodReview == ParenthoodReview.UnderReview || a.PrivilegeReview == PrivilegeReview.UnderReview);

    public async Task<ReviewCounts> CountsAsync(CancellationToken ct)
    {
        var waiting = await WaitingAsync(ct);
        return new ReviewCounts(await waiting.CountAsync(a => a.ParenthoodReview == ParenthoodReview.UnderReview, ct),
            await waiting.CountAsync(a => a.PrivilegeReview == PrivilegeReview.UnderReview, ct));
    }

    public async Task<IReadOnlyList<ReviewRow>> ListAsync(CancellationToken ct)
    {
        var found = await (await WaitingAsync(ct))
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
        return rows.Select(r => r with { Documents = byApplication[r.Id].ToList() }).ToList();
    }
}
