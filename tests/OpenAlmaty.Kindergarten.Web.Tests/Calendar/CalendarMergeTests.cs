using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Calendar;

/// Issue 11, defect 8: a newer shipped calendar file reaches an existing database at start;
/// days staff edited are never touched.
public sealed class CalendarMergeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Startup_ShippedFileMerged_MissingDaysAddedStaffEditsKept()
    {
        var shipped = CalendarSeed.Load();
        await using (var db = fixture.Database.CreateContext())
        {
            // An older database: 2027 was not shipped yet, and one 2026 day held a wrong kind.
            await db.CalendarDays.Where(d => d.Date >= new DateOnly(2027, 1, 1)).ExecuteDeleteAsync();
            (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 1, 2))).Change(CalendarDayKind.DayOff, "старое", null);
            // Staff moved 9 March and made 1 May an ordinary day; the file must not undo either.
            (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 3, 9))).EditByStaff(CalendarDayKind.WorkingDay, "Приказ", null, "ЖАНДОСОВА");
            (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 5, 1))).EditByStaff(CalendarDayKind.Ordinary, "", null, "ЖАНДОСОВА");
            await db.SaveChangesAsync();
        }

        await using (var db = fixture.Database.CreateContext())
        await using (var services = new ServiceCollection().BuildServiceProvider())
            await DatabaseSetup.MigrateAndSeedAsync(db, services, demoData: false, CancellationToken.None);

        await using var check = fixture.Database.CreateContext();
        var days = await check.CalendarDays.AsNoTracking().ToDictionaryAsync(d => d.Date);
        Assert.Equal(shipped.Count(d => d.Date.Year == 2027), days.Keys.Count(d => d.Year == 2027));
        Assert.Equal(CalendarDayKind.Holiday, days[new DateOnly(2026, 1, 2)].Kind);
        Assert.Equal((CalendarDayKind.WorkingDay, "ЖАНДОСОВА"), (days[new DateOnly(2026, 3, 9)].Kind, days[new DateOnly(2026, 3, 9)].EditedBy));
        Assert.Equal(CalendarDayKind.Ordinary, days[new DateOnly(2026, 5, 1)].Kind);
        Assert.True(new WorkingCalendar(days.Values).IsWorkingDay(new DateOnly(2026, 5, 1)));
    }
}
