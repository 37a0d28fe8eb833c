using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Audit;

namespace OpenAlmaty.Kindergarten.Web.Tests.Admin;

public sealed class StaffActionsTests(StaffDesksFixture desks) : IClassFixture<StaffDesksFixture>
{
    [Fact]
    public async Task CancelReferral_WithReason_FreesSeatReturnsToQueueAndRecordsStaffName()
    {
        var (application, referral, organisation) = await desks.ReferredAsync(District.Almaly);
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var token = await StaffDesksFixture.TokenAsync(staff, $"/admin/applications/{application.Id}");

        var response = await StaffDesksFixture.PostAsync(staff, $"/admin/applications/{application.Id}/actions/cancel-referral", token,
            new() { ["reason"] = "Ошибка в выборе организации" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = desks.Database.CreateContext();
        Assert.Equal(ApplicationStatus.Queued, (await db.Applications.SingleAsync(a => a.Id == application.Id)).Status);
        Assert.Equal(ReferralStatus.Cancelled, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status);
        Assert.Equal(1, (await db.Seats.SingleAsync(s => s.OrganisationId == organisation.Id && s.BirthYear == 2022)).FreeSeats);
        var last = await db.ApplicationEvents.Where(e => e.ApplicationId == application.Id).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((ApplicationEventKind.ReferralCancelled, "ЖАНДОСОВА ГУЛЬНАРА АСКАРОВНА"), (last.Kind, last.Actor));
        Assert.Contains("Ошибка в выборе организации", last.Reason);
        var audit = await db.Set<AuditEntry>().SingleAsync(e => e.ApplicationId == application.Id && e.Action == AuditLog.Actions.CancelReferral);
        Assert.Equal(DemoUsers.Education.Iin, audit.ActorIin);
        var page = await staff.GetStringAsync($"/admin/applications/{application.Id}");
        Assert.Contains("Ошибка в выборе организации", page);
    }

    [Fact]
    public async Task StaffAction_WithoutReason_RefusedAndNothingChanged()
    {
        var (application, referral, organisation) = await desks.ReferredAsync(District.Almaly);
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var token = await StaffDesksFixture.TokenAsync(staff, $"/admin/applications/{application.Id}");

        await StaffDesksFixture.PostAsync(staff, $"/admin/applications/{application.Id}/actions/confirm-arrival", token, new() { ["reason"] = " " });
        var page = await staff.GetStringAsync($"/admin/applications/{application.Id}");

        Assert.Contains("Укажите причину.", page);
        await using var db = desks.Database.CreateContext();
        Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status);
        Assert.Equal(0, (await db.Seats.SingleAsync(s => s.OrganisationId == organisation.Id)).FreeSeats);
        Assert.False(await db.Set<AuditEntry>().AnyAsync(e => e.ApplicationId == application.Id && e.Action == AuditLog.Actions.ConfirmArrival));
    }

    [Fact]
    public async Task SignedDocument_Staff_ShownAsStoredAndDownloadable()
    {
        var (application, _, _) = await desks.ReferredAsync(District.Almaly);
        await using (var db = desks.Database.CreateContext())
        {
            var tracked = await db.Applications.SingleAsync(a => a.Id == application.Id);
            var person = await db.People.FirstAsync();
            tracked.AttachTo(person, StaffDesksFixture.Now, "<attach><signed>да</signed></attach>");
            await db.SaveChangesAsync();
        }
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        await using var read = desks.Database.CreateContext();
        var eventId = await read.ApplicationEvents.Where(e => e.ApplicationId == application.Id && e.SignedXml != null).Select(e => e.Id).SingleAsync();

        var shown = await staff.GetStringAsync($"/admin/applications/{application.Id}/signed/{eventId}");
        var download = await staff.GetAsync($"/admin/applications/{application.Id}/signed/{eventId}?download=true");

        Assert.Equal("<attach><signed>да</signed></attach>", shown);
        Assert.Equal("application/xml", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"signed-{application.Id}-{eventId}.xml", download.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Organisation_CreatedWithCommaCoordinates_SavedInStaffDistrict()
    {
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var token = await StaffDesksFixture.TokenAsync(staff, "/admin/organisations/new");

        var response = await StaffDesksFixture.PostAsync(staff, "/admin/organisations/new", token, new()
        {
            ["Type"] = "State", ["NameRu"] = "Ясли-сад № 200", ["NameKk"] = "№ 200 бөбекжай-бақша", ["Language"] = "Kazakh",
            ["District"] = "Medeu", ["Address"] = "ул. Толе би, 1", ["Phones"] = "2-22-22", ["Latitude"] = "43,2512", ["Longitude"] = "76.9",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = desks.Database.CreateContext();
        var saved = await db.Organisations.SingleAsync(o => o.NameRu == "Ясли-сад № 200");
        Assert.Equal((District.Almaly, 43.2512, 76.9, OrganisationType.State), (saved.District, saved.Latitude!.Value, saved.Longitude!.Value, saved.Type));
    }

    [Fact]
    public async Task Calendar_DayMadeHoliday_YearCountsOneWorkingDayLess()
    {
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var token = await StaffDesksFixture.TokenAsync(staff, "/admin/calendar?year=2027");
        var before = await staff.GetStringAsync("/admin/calendar?year=2027");

        await StaffDesksFixture.PostAsync(staff, "/admin/calendar", token,
            new() { ["date"] = "2027-06-02", ["kind"] = "DayOff", ["name"] = "Перенос", ["source"] = "Приказ № 1" });
        var after = await staff.GetStringAsync("/admin/calendar?year=2027");

        Assert.Contains("<span id=\"working-days\">247</span>", before);
        Assert.Contains("<span id=\"working-days\">246</span>", after);
        await using var db = desks.Database.CreateContext();
        Assert.Equal(CalendarDayKind.DayOff, (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2027, 6, 2))).Kind);
    }

    [Fact]
    public async Task Reports_QueueDownloads_CsvAndXlsxCarryTheCount()
    {
        await desks.ApplicationAsync();
        await using var portal = desks.Portal();
        var admin = await desks.SignInAsync(portal, DemoUsers.Admin);

        var page = await admin.GetStringAsync("/admin/reports");
        var csv = await admin.GetStringAsync("/admin/reports/queue.csv");
        var xlsx = await admin.GetByteArrayAsync("/admin/reports/queue.xlsx");

        Assert.Contains("<svg class=\"oa-chart", page);
        Assert.Contains("Год рождения;Льготность;Детей в очереди", csv);
        Assert.Matches(@"2022;Без льготы;\d+", csv);
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Contains("<t xml:space=\"preserve\">Без льготы</t>", xml);
        Assert.Contains("<c r=\"A2\"><v>2022</v></c>", xml);
    }
}
