namespace OpenAlmaty.Kindergarten.Domain.Applications;

public enum DocumentKind { Referral = 1, Other = 2, ParenthoodEvidence = 3, PrivilegeEvidence = 4 }

/// A file under "Общие документы". Stored as made, so a download is identical every time.
public sealed class ApplicationDocument
{
    private ApplicationDocument() { }

    public ApplicationDocument(long applicationId, DocumentKind kind, string title, string fileName,
        string contentType, byte[] content, DateTimeOffset createdAt, long? referralId)
    {
        ApplicationId = applicationId;
        Kind = kind;
        Title = title;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        CreatedAt = createdAt;
        ReferralId = referralId;
    }

    public long Id { get; private set; }
    public long ApplicationId { get; private set; }
    public long? ReferralId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
}
