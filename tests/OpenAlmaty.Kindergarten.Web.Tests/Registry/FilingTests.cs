using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Evidence;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Registry;

/// Filing when the registry does not know the child: with a birth certificate, queued at once,
/// visibly waiting for staff, confirmed on the staff desk.
public sealed class FilingTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task File_ChildUnknownToRegistry_NeedsCertificate_QueuedAtFilingAndWaitsForStaff()
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var child = CabinetData.NewChild(TestIins.Make(new DateOnly(2026, 10, 1)));
        var form = await parent.OpenAsync("/applications/new");

        var without = new CabinetPage(await (await parent.PostAsync("/applications/new/review", form, child)).Content.ReadAsStringAsync());
        var review = new CabinetPage(await (await RegistryClients.PostFilesAsync(parent, "/applications/new/review", form, child,
            ("parenthoodFiles", "svidetelstvo.pdf", RegistryClients.Pdf()))).Content.ReadAsStringAsync());
        var filedAt = portal.Clock.GetUtcNow();
        var registered = await parent.SignAndSendAsync(review);
        var page = await parent.FollowAsync(registered);
        var staff = await RegistryClients.StaffAsync(portal, keys);
        var home = await staff.OpenAsync("/admin");
        var desk = await staff.OpenAsync("/admin/reviews");

        Assert.False(without.HasSignForm);
        Assert.Contains("Реестр населения пока не содержит сведений о ребёнке.", without.Text);
        Assert.True(review.HasSignForm, review.Error);
        Assert.Contains("Ожидает подтверждения сотрудником", page.Text);
        Assert.Contains("Свидетельство о рождении / решение об опеке", page.Text);
        await using var db = keys.Database.CreateContext();
        var application = await db.Applications.SingleAsync(a => a.Child!.Iin == child["ChildIin"]);
        Assert.Equal((ApplicationStatus.Queued, ParenthoodReview.UnderReview, filedAt), (application.Status, application.ParenthoodReview, application.QueuedAt));
        Assert.Equal(DocumentKind.ParenthoodEvidence, (await db.ApplicationDocuments.SingleAsync(d => d.ApplicationId == application.Id)).Kind);
        Assert.Equal(0, await db.Set<StagedDocument>().CountAsync());
        Assert.Contains($"data-review=\"{application.Id}\"", desk.Html);
        Assert.Contains("svidetelstvo.pdf", desk.Html);
        Assert.Matches(@"data-review-counts>[^<]*<strong>[1-9]", home.Html);

        var confirm = await RegistryClients.ReviewAsync(staff, application.Id, "confirm-parenthood", new() { ["reason"] = "Свидетельство о рождении проверено" });
        var after = await parent.OpenAsync($"/applications/{application.Id}");

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.DoesNotContain("Ожидает подтверждения сотрудником", after.Text);
        Assert.Contains("Свидетельство о рождении проверено", after.Text);
    }
}
