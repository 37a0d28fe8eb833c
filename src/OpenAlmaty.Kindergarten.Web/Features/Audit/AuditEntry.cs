using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAlmaty.Kindergarten.Web.Features.Audit;

/// One line of the audit log: a staff member or operator looked at an application or changed
/// something. Written in the same transaction as the change it describes; never updated.
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, string actorIin, string actorName, string action, long? applicationId,
        string? details, string? remoteAddress)
    {
        At = at;
        ActorIin = actorIin;
        ActorName = actorName;
        Action = action;
        ApplicationId = applicationId;
        Details = details is { Length: > 1000 } ? details[..1000] : details;
        RemoteAddress = remoteAddress;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorIin { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public long? ApplicationId { get; private set; }
    public string? Details { get; private set; }
    public string? RemoteAddress { get; private set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(e => e.ActorIin).HasMaxLength(12);
        b.Property(e => e.ActorName).HasMaxLength(300);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.Details).HasMaxLength(1000);
        b.Property(e => e.RemoteAddress).HasMaxLength(64);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.ApplicationId, e.At });
        b.HasIndex(e => new { e.ActorIin, e.At });
    }
}
