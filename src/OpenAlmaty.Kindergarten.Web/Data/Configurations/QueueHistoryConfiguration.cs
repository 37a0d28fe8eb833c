using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.Kindergarten.Domain.Applications;

namespace OpenAlmaty.Kindergarten.Web.Data.Configurations;

public sealed class QueueSnapshotEntryConfiguration : IEntityTypeConfiguration<QueueSnapshotEntry>
{
    public void Configure(EntityTypeBuilder<QueueSnapshotEntry> b)
    {
        b.ToTable("queue_snapshot");
        b.HasKey(s => s.ApplicationId);
        b.Property(s => s.ApplicationId).ValueGeneratedNever();
        b.HasOne<Application>().WithOne().HasForeignKey<QueueSnapshotEntry>(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QueueNumberRecordConfiguration : IEntityTypeConfiguration<QueueNumberRecord>
{
    public void Configure(EntityTypeBuilder<QueueNumberRecord> b)
    {
        b.ToTable("queue_number_history");
        // The page reads an application's last 30 changes backwards along this key.
        b.HasKey(r => new { r.ApplicationId, r.Day });
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
