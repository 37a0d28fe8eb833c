using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Evidence;

public enum EvidencePurpose { Parenthood = 1, Privilege = 2 }

/// A checked document uploaded with a form that still has to be signed ("Подписать и
/// отправить" on the next page). Its hash is in the signed XML; on signing it becomes one of
/// the application's «Общие документы». Unsigned ones are forgotten after a day.
public sealed class StagedDocument
{
    private StagedDocument() { }

    public StagedDocument(Guid requestId, long personId, EvidencePurpose purpose, CheckedFile file, DateTimeOffset createdAt)
    {
        RequestId = requestId;
        PersonId = personId;
        Purpose = purpose;
        FileName = file.FileName;
        ContentType = file.ContentType;
        Content = file.Content;
        Sha256 = file.Sha256;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public Guid RequestId { get; private set; }
    public long PersonId { get; private set; }
    public EvidencePurpose Purpose { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

public sealed class StagedDocumentConfiguration : IEntityTypeConfiguration<StagedDocument>
{
    public void Configure(EntityTypeBuilder<StagedDocument> b)
    {
        b.ToTable("staged_documents");
        b.Property(d => d.FileName).HasMaxLength(200);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.HasIndex(d => new { d.RequestId, d.PersonId });
        b.HasIndex(d => d.CreatedAt);
    }
}

/// Documents as «Общие документы»: the titles, and the move from staged to the application.
public static class EvidenceDocuments
{
    public static LocalizedText Title(EvidencePurpose purpose) => purpose == EvidencePurpose.Parenthood
        ? new("Свидетельство о рождении / решение об опеке")
        : new("Документ, подтверждающий льготу");

    public static ApplicationDocument ToDocument(long applicationId, EvidencePurpose purpose, string fileName, string contentType,
        byte[] content, DateTimeOffset now) =>
        new(applicationId, purpose == EvidencePurpose.Parenthood ? DocumentKind.ParenthoodEvidence : DocumentKind.PrivilegeEvidence, Title(purpose).Ru, fileName, contentType, content, now, null);

    /// The signed list of documents: "purpose:sha256" joined by ";", in upload order.
    public static string SignedList(IEnumerable<(EvidencePurpose Purpose, string Sha256)> files) =>
        string.Join(';', files.Select(f => $"{(int)f.Purpose}:{f.Sha256}"));

    public static void Stage(AppDbContext db, Guid requestId, long personId, EvidencePurpose purpose, IEnumerable<CheckedFile> files, DateTimeOffset now)
    {
        foreach (var file in files) db.Set<StagedDocument>().Add(new StagedDocument(requestId, personId, purpose, file, now));
    }

    /// The staged documents of a signed request, checked against the list that was signed, added
    /// to the application (in the caller's transaction) and removed from staging.
    public static async Task<List<StagedDocument>> MoveAsync(AppDbContext db, Guid requestId, long personId, string? signedList,
        long applicationId, DateTimeOffset now, CancellationToken ct)
    {
        var staged = await db.Set<StagedDocument>().Where(d => d.RequestId == requestId && d.PersonId == personId)
            .OrderBy(d => d.Id).ToListAsync(ct);
        if (SignedList(staged.Select(d => (d.Purpose, d.Sha256))) != (signedList ?? ""))
            throw new DomainException("evidence.mismatch", new(
                "Приложенные документы не совпадают с подписанными. Заполните форму заново."));
        foreach (var d in staged)
            db.ApplicationDocuments.Add(ToDocument(applicationId, d.Purpose, d.FileName, d.ContentType, d.Content, now));
        db.Set<StagedDocument>().RemoveRange(staged);
        await db.Set<StagedDocument>().Where(d => d.CreatedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        return staged;
    }
}
