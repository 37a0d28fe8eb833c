using System.Text.RegularExpressions;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Admin.Applications;
using OpenAlmaty.Kindergarten.Web.Features.Admin.Audit;
using OpenAlmaty.Kindergarten.Web.Features.Admin.Queue;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Admin;

/// The queue, the applications and the audit log page like the organisations: page 2 shows the
/// rows after page 1, the count says which rows of how many, and the filter stays in the links.
public sealed partial class StaffListPagingTests(StaffDesksFixture desks) : IClassFixture<StaffDesksFixture>
{
    [Fact]
    public async Task Applications_NumberedAcrossTwoPages_NaturalOrderCountAndFilterKept()
    {
        const int count = ApplicationListController.PageSize + 7;
        await using (var db = desks.Database.CreateContext())
        {
            var parent = await new Scenario(db, StaffKeysFixture.Now).ParentAsync("ПАГИНОВА");
            // Serials without leading zeros: text order would put «…10.7» before «…9.7».
            for (var n = count; n >= 1; n--)
            {
                var child = new Child(Iin.Parse(TestIins.Make(new DateOnly(2019, 6, 1))), "ПАГИНОВ", "РЕБЁНОК" + n, null);
                db.Children.Add(child);
                db.Applications.Add(Application.File(child, parent, $"UO.2019.{n}.7", Privilege.None, InstructionLanguage.Russian,
                    null, null, StaffKeysFixture.Now.AddDays(-n), []));
            }
            await db.SaveChangesAsync();
        }
        await using var portal = desks.Portal();
        var admin = await desks.SignInAsync(portal, DemoUsers.Admin);

        var first = await admin.GetStringAsync("/admin/applications?status=Queued&birthYear=2019");
        var second = await admin.GetStringAsync("/admin/applications?status=Queued&birthYear=2019&page=2");

        Assert.Equal(Enumerable.Range(1, count), Numbers(first).Concat(Numbers(second)));
        Assert.Contains($"Показаны 1–{ApplicationListController.PageSize} из {count}", first, StringComparison.Ordinal);
        Assert.Contains($"Показаны {ApplicationListController.PageSize + 1}–{count} из {count}", second, StringComparison.Ordinal);
        Assert.Contains("/admin/applications?status=Queued&amp;birthYear=2019&amp;page=2", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_SecondPage_ShowsNextQueueNumbersWithCountAndFilterKept()
    {
        const int count = QueueListQuery.PageSize + 5;
        await using (var db = desks.Database.CreateContext())
        {
            var scenario = new Scenario(db, StaffKeysFixture.Now);
            var parent = await scenario.ParentAsync("ОЧЕРЕДНАЯ");
            for (var n = 0; n < count; n++)
                await scenario.ApplicationAsync(parent, new DateOnly(2020, 3, 1), queuedAt: StaffKeysFixture.Now.AddDays(-500 + n));
        }
        await using var portal = desks.Portal();
        var admin = await desks.SignInAsync(portal, DemoUsers.Admin);

        var first = await admin.GetStringAsync("/admin/queue?birthYear=2020&language=Kazakh");
        var second = await admin.GetStringAsync("/admin/queue?birthYear=2020&language=Kazakh&page=2");

        Assert.Equal(Enumerable.Range(1, QueueListQuery.PageSize), Positions(first));
        Assert.Equal(Enumerable.Range(QueueListQuery.PageSize + 1, 5), Positions(second));
        Assert.Contains($"Показаны 1–{QueueListQuery.PageSize} из {count}", first, StringComparison.Ordinal);
        Assert.Contains($"Показаны {QueueListQuery.PageSize + 1}–{count} из {count}", second, StringComparison.Ordinal);
        Assert.Contains("/admin/queue?birthYear=2020&amp;language=Kazakh&amp;page=2", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_SecondPage_ShowsOlderEntriesWithCountAndFilterKept()
    {
        const int count = AuditController.PageSize + 3;
        await using (var db = desks.Database.CreateContext())
        {
            for (var n = 1; n <= count; n++)
                db.Set<AuditEntry>().Add(new AuditEntry(StaffKeysFixture.Now.AddMinutes(-n), "000000000000", "АУДИТОВА ПРОВЕРКА",
                    AuditLog.Actions.Organisation, null, $"запись {n};", null));
            await db.SaveChangesAsync();
        }
        await using var portal = desks.Portal();
        var admin = await desks.SignInAsync(portal, DemoUsers.Admin);

        var first = await admin.GetStringAsync("/admin/audit?who=АУДИТОВА");
        var second = await admin.GetStringAsync("/admin/audit?who=АУДИТОВА&page=2");

        Assert.Equal(Enumerable.Range(1, count), Entries(first).Concat(Entries(second)));
        Assert.Contains($"Показаны 1–{AuditController.PageSize} из {count}", first, StringComparison.Ordinal);
        Assert.Contains($"Показаны {AuditController.PageSize + 1}–{count} из {count}", second, StringComparison.Ordinal);
        Assert.Contains("/admin/audit?who=%D0%90%D0%A3%D0%94%D0%98%D0%A2%D0%9E%D0%92%D0%90&amp;page=2", first, StringComparison.Ordinal);
    }

    private static IEnumerable<int> Numbers(string html) => Ints(ApplicationNumber(), html);
    private static IEnumerable<int> Positions(string html) => Ints(QueuePosition(), html);
    private static IEnumerable<int> Entries(string html) => Ints(AuditDetails(), html);

    private static IEnumerable<int> Ints(Regex regex, string html) =>
        regex.Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@">UO\.2019\.(\d+)\.7</a>")]
    private static partial Regex ApplicationNumber();

    [GeneratedRegex(@"class=""fw-semibold"">(\d+)</td>")]
    private static partial Regex QueuePosition();

    [GeneratedRegex(@"запись (\d+);")]
    private static partial Regex AuditDetails();
}
