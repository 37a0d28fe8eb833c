using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAlmaty.Kindergarten.Web.Features.Notifications;

public enum NotificationKind
{
    ReferralIssued = 1,
    ReferralReminder = 2,
    ReferralAnnulled = 3,
    StopListOver = 4,
    RemovedFromQueue = 5,
    StateSeatOffered = 6,
    ReferralDeclined = 7,
    AgedOut = 8,
    ReleaseSeatOffered = 9,
    PrivilegeConfirmed = 10,
    PrivilegeRejected = 11,
    PrivilegeLapsed = 12,
    ParenthoodConfirmed = 13,
    ParenthoodRejected = 14,
    /// A calendar change moved a running term on (issue 11, point 5).
    ReferralExtended = 15,
    StopListExtended = 16,
    StateSeatOfferExtended = 17,
}

public enum NotificationChannel
{
    Email = 1,
    Sms = 2,
}

/// "Направлено уведомление": one message to one recipient over one channel, written in the same
/// transaction as the change it tells about and delivered later by SendNotificationsJob.
/// <see cref="DedupKey"/> (with channel and recipient) is unique, so a job that runs twice writes
/// a message once.
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public long Id { get; private set; }
    public long ApplicationId { get; private set; }
    public long? ReferralId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public NotificationChannel Channel { get; private set; }
    public string Recipient { get; private set; } = "";
    public string DedupKey { get; private set; } = "";
    /// The template until sent, then the text that was sent (NotificationTexts.Fill).
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? Number { get; private set; }
    public string? Organisation { get; private set; }
    public DateTimeOffset? UntilAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// Set when the last attempt allowed failed: nobody retries it any more.
    public DateTimeOffset? FailedAt { get; private set; }
    public string? LastError { get; private set; }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("notifications");
        b.Property(m => m.Recipient).HasMaxLength(200);
        b.Property(m => m.DedupKey).HasMaxLength(100);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.Number).HasMaxLength(50);
        b.Property(m => m.Organisation).HasMaxLength(500);
        b.HasIndex(m => new { m.DedupKey, m.Channel, m.Recipient }).IsUnique();
        // What the sender polls: unsent, not given up, due.
        b.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at is null and failed_at is null").HasDatabaseName("ix_notifications_due");
        b.HasOne<OpenAlmaty.Kindergarten.Domain.Applications.Application>().WithMany().HasForeignKey(m => m.ApplicationId);
        b.HasIndex(m => m.ApplicationId);
    }
}
