using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Web.Data.Configurations;

public sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> b)
    {
        b.ToTable("releases", t => t.HasCheckConstraint("ck_releases_window", "closes_at > opens_at"));
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.CreatedBy).HasMaxLength(300);
        b.Property(r => r.SeedHash).HasMaxLength(64);
        b.HasMany(r => r.Pools).WithOne().HasForeignKey(p => p.ReleaseId);
        b.Navigation(r => r.Pools).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(r => r.RevealedSeed);
        b.HasIndex(r => new { r.Status, r.ClosesAt });
    }
}

public sealed class ReleasePoolConfiguration : IEntityTypeConfiguration<ReleasePool>
{
    public void Configure(EntityTypeBuilder<ReleasePool> b)
    {
        b.ToTable("release_pools", t =>
        {
            t.HasCheckConstraint("ck_release_pools_vacant", "vacant >= 0 and vacant <= seats");
            t.HasCheckConstraint("ck_release_pools_seats", "seats between 1 and 1000");
        });
        b.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId);
        b.HasIndex(p => new { p.ReleaseId, p.OrganisationId, p.BirthYear }).IsUnique();
        b.Ignore(p => p.PoolKey);
    }
}

public sealed class ReleaseRequestConfiguration : IEntityTypeConfiguration<ReleaseRequest>
{
    public void Configure(EntityTypeBuilder<ReleaseRequest> b)
    {
        b.ToTable("release_requests", t => t.HasCheckConstraint("ck_release_requests_choices", $"cardinality(ranked_pool_ids) between 1 and {ReleaseRequest.MaxChoices}"));
        b.HasOne<Release>().WithMany().HasForeignKey(r => r.ReleaseId);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId);
        b.Property(r => r.Pseudonym).HasMaxLength(32);
        b.HasIndex(r => r.Pseudonym).IsUnique();
        // The last signed request counts: one current request per application and release.
        b.HasIndex(r => new { r.ReleaseId, r.ApplicationId }).IsUnique().HasFilter("superseded_at is null")
            .HasDatabaseName("ux_release_requests_current");
        // The parent's "why not": what each pool above their result admitted, read from the pool's
        // own placed requests rather than from all of the release's (50,000 on release day).
        b.HasIndex(r => r.PlacedPoolId).IncludeProperties(r => new { r.ReleaseId, r.PriorityPosition })
            .HasFilter("placed_pool_id is not null and superseded_at is null").HasDatabaseName("ix_release_requests_placed");
    }
}

public sealed class ReleaseOfferConfiguration : IEntityTypeConfiguration<ReleaseOffer>
{
    public void Configure(EntityTypeBuilder<ReleaseOffer> b)
    {
        b.ToTable("release_offers");
        b.HasOne<Release>().WithMany().HasForeignKey(o => o.ReleaseId);
        b.HasOne(o => o.Pool).WithMany().HasForeignKey(o => o.PoolId);
        b.HasOne<ReleaseRequest>().WithMany().HasForeignKey(o => o.RequestId);
        b.HasOne<Application>().WithMany().HasForeignKey(o => o.ApplicationId);
        b.HasOne<Referral>().WithMany().HasForeignKey(o => o.ReferralId);
        // At most one open or accepted offer per application and release.
        b.HasIndex(o => new { o.ReleaseId, o.ApplicationId }).IsUnique().HasFilter($"status in ({(int)ReleaseOfferStatus.Offered}, {(int)ReleaseOfferStatus.Accepted})")
            .HasDatabaseName("ux_release_offers_one_held");
        b.HasIndex(o => o.ValidUntil).HasFilter($"status = {(int)ReleaseOfferStatus.Offered}").HasDatabaseName("ix_release_offers_open_deadline");
        b.HasIndex(o => o.ReferralId).IsUnique().HasFilter("referral_id is not null");
    }
}

public sealed class ReleaseWaitingEntryConfiguration : IEntityTypeConfiguration<ReleaseWaitingEntry>
{
    public void Configure(EntityTypeBuilder<ReleaseWaitingEntry> b)
    {
        b.ToTable("release_waiting_entries");
        b.HasOne<ReleasePool>().WithMany().HasForeignKey(w => w.PoolId);
        b.HasOne<ReleaseRequest>().WithMany().HasForeignKey(w => w.RequestId);
        b.HasIndex(w => new { w.PoolId, w.Position }).IsUnique();
        b.HasIndex(w => w.ApplicationId);
    }
}
