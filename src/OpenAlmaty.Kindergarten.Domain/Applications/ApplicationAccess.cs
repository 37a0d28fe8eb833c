namespace OpenAlmaty.Kindergarten.Domain.Applications;

public enum AccessKind { Applicant = 1, Attached = 2 }

/// A person an application is visible to: who filed it, or a parent who attached it to their IIN.
public sealed class ApplicationAccess
{
    private ApplicationAccess() { }

    internal ApplicationAccess(long personId, AccessKind kind, DateTimeOffset since)
    {
        PersonId = personId;
        Kind = kind;
        Since = since;
    }

    public long ApplicationId { get; private set; }
    public long PersonId { get; private set; }
    public AccessKind Kind { get; private set; }
    public DateTimeOffset Since { get; private set; }
}
