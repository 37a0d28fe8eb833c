using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.Kindergarten.Domain.Applications;

namespace OpenAlmaty.Kindergarten.Web.Data.Configurations;

public sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.Property(a => a.RegistrationNumber).HasMaxLength(32);
        b.HasIndex(a => a.RegistrationNumber).IsUnique();
        b.Property(a => a.TsonNumber).HasMaxLength(40);
        b.Property(a => a.PepNumber).HasMaxLength(40);
        b.Property(a => a.AdditionalEmail).HasMaxLength(200);
        b.Property(a => a.AdditionalPhone).HasMaxLength(32);
        b.HasOne(a => a.Child).WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Applicant).WithMany().HasForeignKey(a => a.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ApplicationId);
        b.HasMany(a => a.Access).WithOne().HasForeignKey(x => x.ApplicationId);
        b.HasMany(a => a.StopList).WithOne().HasForeignKey(x => x.ApplicationId);
        b.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(a => a.Access).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(a => a.StopList).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One active application (queued, notified or referred) per child.
        b.HasIndex(a => a.ChildId).IsUnique().HasFilter(StatusSql.ActiveFilter).HasDatabaseName("ux_applications_active_child");
        // The queue number: three index-only counts inside a birth year and priority group.
        b.HasIndex(a => new { a.BirthYear, a.PriorityGroup, a.QueuedAt, a.Id })
            .HasFilter(StatusSql.InQueueFilter).HasDatabaseName("ix_applications_queue");
        b.HasIndex(a => a.ApplicantId);
        b.HasIndex(a => a.StopListedUntil).HasFilter("stop_listed_until is not null");
        // The job that ends state-seat offers finds notified applications by the window's end.
        b.HasIndex(a => a.OfferedUntil).HasFilter(StatusSql.Is(ApplicationStatus.Notified)).HasDatabaseName("ix_applications_offer_end");
        // The daily job that ends confirmed privileges whose term is over.
        b.HasIndex(a => a.PrivilegeValidUntil).HasFilter("privilege_valid_until is not null");
        // The staff desk: what waits for a confirmation (parenthood or privilege under review).
        b.HasIndex(a => a.CreatedAt).HasFilter($"parenthood_review = {(int)ParenthoodReview.UnderReview} or privilege_review = {(int)PrivilegeReview.UnderReview}").HasDatabaseName("ix_applications_under_review");
        b.ToTable(t => t.HasCheckConstraint("ck_applications_expired_count", "expired_referral_count between 0 and 2"));
        RowVersion.Map(b);
    }
}

public sealed class ApplicationAccessConfiguration : IEntityTypeConfiguration<ApplicationAccess>
{
    public void Configure(EntityTypeBuilder<ApplicationAccess> b)
    {
        b.ToTable("application_access");
        b.HasKey(x => new { x.ApplicationId, x.PersonId });
        b.HasIndex(x => x.PersonId);
    }
}

public sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        b.Property(e => e.Actor).HasMaxLength(300);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.HasIndex(e => new { e.ApplicationId, e.At });
    }
}

public sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> b)
    {
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.FileName).HasMaxLength(200);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId);
        b.HasIndex(d => d.ApplicationId);
        b.HasIndex(d => d.ReferralId).IsUnique().HasFilter("referral_id is not null");
    }
}

public sealed class StopListEntryConfiguration : IEntityTypeConfiguration<StopListEntry>
{
    public void Configure(EntityTypeBuilder<StopListEntry> b)
    {
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.LiftedBy).HasMaxLength(300);
        b.HasIndex(e => new { e.ApplicationId, e.Until });
    }
}
