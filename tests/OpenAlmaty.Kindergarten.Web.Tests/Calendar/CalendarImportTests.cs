using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Tests.Admin;

namespace OpenAlmaty.Kindergarten.Web.Tests.Calendar;

/// Issue 11, point 5: staff import a calendar file: a preview first, then a confirmed, audited,
/// all-or-nothing merge that leaves days staff edited alone.
public sealed class CalendarImportTests(StaffDesksFixture desks) : IClassFixture<StaffDesksFixture>
{
    private static readonly string SharedFile = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "working-calendar.csv"));

    [Fact]
    public async Task Import_PreviewThenConfirm_AddsAndCorrectsDaysKeepsStaffEdit()
    {
        await using (var db = desks.Database.CreateContext())
        {
            await db.CalendarDays.Where(d => d.Date >= new DateOnly(2027, 1, 1)).ExecuteDeleteAsync();
            (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 1, 2))).Change(CalendarDayKind.DayOff, "старое", null);
            await db.SaveChangesAsync();
        }
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var token = await StaffDesksFixture.TokenAsync(staff, "/admin/calendar?year=2026");
        await StaffDesksFixture.PostAsync(staff, "/admin/calendar", token,
            new() { ["date"] = "2026-03-09", ["kind"] = "WorkingDay", ["name"] = "Перенос отменён", ["source"] = "Приказ № 2" });

        var preview = await UploadAsync(staff, token, Encoding.UTF8.GetBytes(SharedFile));
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<span id=\"import-added\">19</span>", html);
        Assert.Contains("<span id=\"import-changed\">1</span>", html);
        Assert.Contains("<span id=\"import-kept\">1</span>", html);
        Assert.Contains("09.03.2026", html);
        await using (var db = desks.Database.CreateContext())
            Assert.Equal(0, await db.CalendarDays.CountAsync(d => d.Date >= new DateOnly(2027, 1, 1)));

        var csv = WebUtility.HtmlDecode(Regex.Match(html, "name=\"csv\"[^>]*>([^<]*)</textarea>").Groups[1].Value);
        var confirmToken = StaffDesksFixture.Token(html);
        var confirmed = await StaffDesksFixture.PostAsync(staff, "/admin/calendar/import/confirm", confirmToken, new() { ["csv"] = csv });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await using var check = desks.Database.CreateContext();
        Assert.Equal(19, await check.CalendarDays.CountAsync(d => d.Date >= new DateOnly(2027, 1, 1)));
        Assert.Equal(CalendarDayKind.Holiday, (await check.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 1, 2))).Kind);
        var edited = await check.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 3, 9));
        Assert.Equal((CalendarDayKind.WorkingDay, "Перенос отменён"), (edited.Kind, edited.Name));
        Assert.NotNull(edited.EditedBy);
        Assert.Contains(await check.Set<AuditEntry>().Where(e => e.Action == AuditLog.Actions.Calendar).Select(e => e.Details).ToListAsync(),
            d => d != null && d.Contains("+19"));
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty", [], "Файл пуст" },
        { "header", Encoding.UTF8.GetBytes("day,type,name\n2027-01-01,holiday,Новый год\n"), "Первая строка" },
        { "date", Encoding.UTF8.GetBytes("date,kind,name_ru,source\n2027-13-01,holiday,Новый год,Закон\n"), "Строка 2: дата «2027-13-01»" },
        { "kind", Encoding.UTF8.GetBytes("date,kind,name_ru,source\n2027-01-01,feast,Новый год,Закон\n"), "Строка 2: вид дня «feast»" },
        { "large", Encoding.UTF8.GetBytes("date,kind,name_ru,source\n" + new string('x', 1024 * 1024 + 10)), "больше 1 МБ" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Import_BadFile_ClearMessageNothingChanges(string what, byte[] file, string message)
    {
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var token = await StaffDesksFixture.TokenAsync(staff, "/admin/calendar?year=2026");
        int before;
        await using (var db = desks.Database.CreateContext()) before = await db.CalendarDays.CountAsync();

        var response = await UploadAsync(staff, token, file);
        var page = await staff.GetStringAsync("/admin/calendar?year=2026");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, what);
        Assert.Contains(message, page);
        await using var check = desks.Database.CreateContext();
        Assert.Equal(before, await check.CalendarDays.CountAsync());
    }

    [Fact]
    public async Task Import_BadDate_MessageInKazakh()
    {
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        await staff.GetAsync("/lang/kk");
        var token = await StaffDesksFixture.TokenAsync(staff, "/admin/calendar?year=2026");

        await UploadAsync(staff, token, Encoding.UTF8.GetBytes("date,kind,name_ru,source\n2027-02-30,holiday,X,Y\n"));

        Assert.Contains("2-жол: «2027-02-30» күні", await staff.GetStringAsync("/admin/calendar?year=2026"));
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string token, byte[] file)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", "calendar.csv" },
        };
        return client.PostAsync("/admin/calendar/import", form);
    }
}
