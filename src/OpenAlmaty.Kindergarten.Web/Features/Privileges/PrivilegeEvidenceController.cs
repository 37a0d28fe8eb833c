using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Evidence;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Privileges;

/// A new document for the application's privilege (a renewed workplace certificate, or one after
/// a rejection): stored under «Общие документы», and the privilege goes back under review.
/// A parent of the application only; refused files leave nothing behind.
[Authorize(Policy = Policies.Parent)]
[Route("applications/{id:long}/privilege-evidence")]
public sealed class PrivilegeEvidenceController(AppDbContext db, TimeProvider clock, Lang<PrivilegesTexts> lang) : Controller
{
    [HttpPost("")]
    [Shared.BodyLimit(EvidenceFiles.RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = EvidenceFiles.RequestLimit)]
    public async Task<IActionResult> Upload(long id, List<IFormFile>? files, CancellationToken ct)
    {
        var personId = User.PersonId();
        if (!await db.ApplicationAccess.AnyAsync(x => x.ApplicationId == id && x.PersonId == personId, ct)) return NotFound();
        var (checkedFiles, error) = await EvidenceFiles.CheckAsync(files, ct);
        if (error is null && checkedFiles.Count == 0)
            error = new LocalizedText("Выберите файл документа.");
        if (error is not null)
        {
            TempData["Error"] = lang.Of(error);
            return Redirect($"/applications/{id}");
        }
        try
        {
            var now = clock.GetUtcNow();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var application = await db.Applications.FromSql($"select *, xmin from applications where id = {id} for update").SingleAsync(ct);
            var person = await db.People.SingleAsync(p => p.Id == personId, ct);
            application.SubmitPrivilegeEvidence(now, person.FullName);
            foreach (var f in checkedFiles)
                db.ApplicationDocuments.Add(EvidenceDocuments.ToDocument(id, EvidencePurpose.Privilege, f.FileName, f.ContentType, f.Content, now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            TempData["Message"] = lang["Документ принят. Льгота на проверке у сотрудника."];
        }
        catch (DomainException e)
        {
            TempData["Error"] = lang.Of(e.Text);
        }
        return Redirect($"/applications/{id}");
    }
}
