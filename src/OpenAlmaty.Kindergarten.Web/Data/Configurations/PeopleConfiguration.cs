using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Web.Data.Configurations;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Iin).HasMaxLength(12).IsFixedLength();
        b.HasIndex(p => p.Iin).IsUnique();
        b.Property(p => p.LastName).HasMaxLength(100);
        b.Property(p => p.FirstName).HasMaxLength(100);
        b.Property(p => p.MiddleName).HasMaxLength(100);
        b.Property(p => p.Phone).HasMaxLength(32);
        b.Property(p => p.Email).HasMaxLength(200);
        b.Property(p => p.Address).HasMaxLength(400);
        // Rows from before the column read Russian, the portal's default.
        b.Property(p => p.Language).HasMaxLength(2).HasDefaultValue("ru");
        b.ToTable(t => t.HasCheckConstraint("ck_people_language", "language in ('ru', 'kk', 'en')"));
        b.Ignore(p => p.FullName);
    }
}

public sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> b)
    {
        b.Property(c => c.Iin).HasMaxLength(12).IsFixedLength();
        b.HasIndex(c => c.Iin).IsUnique();
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.MiddleName).HasMaxLength(100);
        b.Ignore(c => c.FullName);
    }
}
