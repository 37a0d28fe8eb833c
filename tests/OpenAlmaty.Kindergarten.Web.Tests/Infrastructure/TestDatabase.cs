using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

/// A real PostgreSQL database per fixture: the migrations are applied once to a template
/// database per test run, and each fixture gets a fresh copy of it (CREATE DATABASE … TEMPLATE).
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("PG_TEST_ADMIN")
        ?? Environment.GetEnvironmentVariable("ConnectionStrings__Default")
        ?? "Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres";

    public static async Task<TestDatabase> CreateAsync()
    {
        var template = await EnsureTemplateAsync();
        var name = $"kg_test_{Guid.NewGuid():N}"[..30];
        await using (var admin = new NpgsqlConnection(WithDatabase(AdminConnectionString, "postgres")))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {name} template {template}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        return new TestDatabase(name, WithDatabase(AdminConnectionString, name));
    }

    public AppDbContext CreateContext() => AppDbContextSetup.Create(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(WithDatabase(AdminConnectionString, "postgres"));
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop database if exists {Name} with (force)", admin);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        if (_template is not null) return _template;
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            var name = $"kg_tpl_{Guid.NewGuid():N}"[..30];
            await using (var admin = new NpgsqlConnection(WithDatabase(AdminConnectionString, "postgres")))
            {
                await admin.OpenAsync();
                await using var cmd = new NpgsqlCommand($"create database {name}", admin);
                await cmd.ExecuteNonQueryAsync();
            }
            await using (var db = AppDbContextSetup.Create(WithDatabase(AdminConnectionString, name)))
            {
                await db.Database.MigrateAsync();
                db.CalendarDays.AddRange(Data.Seeding.CalendarSeed.Load());
                await db.SaveChangesAsync();
            }
            // Hangfire's tables too, as a portal's start makes them (ReferralClockSetup): each
            // test host then only checks their version.
            var hangfire = new Hangfire.PostgreSql.PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
            _ = new Hangfire.PostgreSql.PostgreSqlStorage(
                new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(WithDatabase(AdminConnectionString, name), hangfire), hangfire);
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(name);
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static void DropQuietly(string name)
    {
        try
        {
            using var admin = new NpgsqlConnection(WithDatabase(AdminConnectionString, "postgres"));
            admin.Open();
            using var cmd = new NpgsqlCommand($"drop database if exists {name} with (force)", admin);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server may already be stopping at process exit; the data folder is temporary.
        }
    }

    /// Every test connection goes through here. At the start of a run many fixtures copy the
    /// template at once; on a busy 2-core machine opening a connection then once took longer than
    /// Npgsql's default 15 s (CI: a class fixture's first SaveChanges timed out in Bootstrap), so
    /// the tests wait longer for a connection and a command than the portal's defaults.
    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Timeout = 120, CommandTimeout = 300 }.ConnectionString;
}
