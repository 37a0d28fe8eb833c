using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;

namespace OpenAlmaty.Kindergarten.Web.Data;

public static class DatabaseSetup
{
    // Any number; held while one instance migrates and seeds so that two instances starting at
    // once do not both do it.
    private const long SetupLock = 0x4f41_4b47;

    public static async Task MigrateAndSeedAsync(AppDbContext db, IServiceProvider services, bool demoData, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        // The second of two instances started together waits here while the first migrates and
        // seeds; on a busy machine that is longer than the 30 s a command may normally take.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        try
        {
            await db.Database.ExecuteSqlRawAsync($"select pg_advisory_lock({SetupLock})", ct);
            // EF reads its history table before creating it and logs a scary ERR on a new database;
            // creating it first (the same definition EF uses) keeps the first start's log clean.
            await db.Database.ExecuteSqlRawAsync(
                "create table if not exists __ef_migrations_history (migration_id varchar(150) primary key, product_version varchar(32) not null)", ct);
            await db.Database.MigrateAsync(ct);
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await CalendarMerge.ApplyAsync(db, CalendarSeed.Load(), ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            if (demoData) await DemoData.SeedOnceAsync(db, services, ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"select pg_advisory_unlock({SetupLock})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
