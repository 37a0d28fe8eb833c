using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAlmaty.Kindergarten.Web.Features.Registry;

/// One person as the state registry of individuals (ГБД ФЛ) gave them in the last feed: the
/// portal's copy of what it needs to know who may act for a child. Written only by
/// <see cref="RegistryImport"/>; never edited in the portal.
public sealed class RegistryPerson
{
    private RegistryPerson() { }

    public string Iin { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string? MiddleName { get; private set; }
    public DateOnly BirthDate { get; private set; }

    /// The IINs of the parents and legal representatives (guardians, adoptive parents) on record.
    public string[] ParentIins { get; private set; } = [];

    /// When the registry last vouched for this record (the feed's own date).
    public DateTimeOffset RefreshedAt { get; private set; }
}

public sealed class RegistryPersonConfiguration : IEntityTypeConfiguration<RegistryPerson>
{
    public void Configure(EntityTypeBuilder<RegistryPerson> b)
    {
        b.ToTable("registry_people");
        b.HasKey(p => p.Iin);
        b.Property(p => p.Iin).HasMaxLength(12).IsFixedLength();
        b.Property(p => p.LastName).HasMaxLength(100);
        b.Property(p => p.FirstName).HasMaxLength(100);
        b.Property(p => p.MiddleName).HasMaxLength(100);
    }
}
