using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAlmaty.Kindergarten.Web.Data.Configurations;

/// PostgreSQL's xmin (the id of the transaction that last wrote the row) as EF's concurrency
/// token, kept out of the domain as a shadow property: every UPDATE EF sends for the entity says
/// "… and xmin = what I read", so a write based on a stale read changes nothing and throws
/// DbUpdateConcurrencyException (decision 0007). Raw SQL that loads the entity
/// (FromSql "select *, xmin …") must name the column: "select *" leaves system columns out.
public static class RowVersion
{
    public const string Property = "Version";

    public static void Map<T>(EntityTypeBuilder<T> b) where T : class =>
        b.Property<uint>(Property).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
}
