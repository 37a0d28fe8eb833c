using Microsoft.EntityFrameworkCore.Design;

namespace OpenAlmaty.Kindergarten.Web.Data;

/// For `dotnet ef`: builds the context without starting the portal (no database needed to
/// add a migration or to check for pending model changes).
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => AppDbContextSetup.Create(
        Environment.GetEnvironmentVariable("ConnectionStrings__Default")
        ?? "Host=127.0.0.1;Port=5432;Username=postgres;Database=kindergarten_design");
}
