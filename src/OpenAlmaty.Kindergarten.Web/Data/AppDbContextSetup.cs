using Microsoft.EntityFrameworkCore;

namespace OpenAlmaty.Kindergarten.Web.Data;

/// The one place that says how AppDbContext talks to PostgreSQL (Npgsql, snake_case names, the
/// migrations' history table): the portal, `dotnet ef`, the tools project and the tests
/// all go through it, so they cannot drift apart.
public static class AppDbContextSetup
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder UseAppDatabase(this DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable))
        .UseSnakeCaseNamingConvention();

    public static DbContextOptions<AppDbContext> Options(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UseAppDatabase(connectionString);
        return builder.Options;
    }

    public static AppDbContext Create(string connectionString) => new(Options(connectionString));

    /// <paramref name="pooled"/>: the portal keeps a pool of contexts (one per request, reused).
    public static IServiceCollection AddAppDbContext(this IServiceCollection services, string connectionString, bool pooled = false) =>
        pooled
            ? services.AddDbContextPool<AppDbContext>(o => o.UseAppDatabase(connectionString))
            : services.AddDbContext<AppDbContext>(o => o.UseAppDatabase(connectionString));
}
