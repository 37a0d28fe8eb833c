using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Evidence;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Registry;

/// Documents handed in: PDF, JPEG or PNG by content, at most 5 MB, not empty; anything else is
/// refused with a message and nothing is stored.
public sealed class UploadTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    public static TheoryData<string, string, int> Refused => new()
    {
        { "spravka.pdf", "больше 5 МБ", (int)EvidenceFiles.MaxBytes + 1 },
        { "spravka.pdf", "не является PDF, JPEG или PNG", -1 },
        { "spravka.pdf", "пустой", 0 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task PrivilegeEvidence_BadFile_RefusedWithMessageAndNothingStored(string fileName, string message, int size)
    {
        await using var portal = keys.Portal();
        var id = await ClaimedAsync(portal);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var page = await parent.OpenAsync($"/applications/{id}");
        var before = await StoredAsync(id);
        var content = size switch { -1 => RegistryClients.Executable(), 0 => [], _ => RegistryClients.Pdf(size) };

        var response = await RegistryClients.PostFilesAsync(parent, $"/applications/{id}/privilege-evidence", page, new Dictionary<string, string>(),
            ("files", fileName, content));
        var after = await parent.FollowAsync(response);

        Assert.Contains(message, after.Error);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task PrivilegeEvidence_Png_StoredUnderCommonDocumentsAndUnderReview()
    {
        await using var portal = keys.Portal();
        var id = await ClaimedAsync(portal, confirmed: true);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var page = await parent.OpenAsync($"/applications/{id}");

        var response = await RegistryClients.PostFilesAsync(parent, $"/applications/{id}/privilege-evidence", page, new Dictionary<string, string>(),
            ("files", "scan.exe.png", RegistryClients.Png()));
        var after = await parent.FollowAsync(response);

        Assert.Equal("Документ принят. Льгота на проверке у сотрудника.", after.Message);
        Assert.Contains("Документ, подтверждающий льготу", after.Text);
        await using var db = keys.Database.CreateContext();
        var document = await db.ApplicationDocuments.SingleAsync(d => d.ApplicationId == id);
        Assert.Equal(("image/png", DocumentKind.PrivilegeEvidence, "scan.exe.png"), (document.ContentType, document.Kind, document.FileName));
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        // A confirmation without a term stays in force while the new document is reviewed.
        Assert.Equal((PrivilegeReview.UnderReview, PriorityGroup.FirstPriority), (application.PrivilegeReview, application.PriorityGroup));
    }

    /// The filing form's birth certificate / guardianship decision, in the person's language.
    public static TheoryData<string, int, string> RefusedAtFiling => new()
    {
        { "ru", (int)EvidenceFiles.MaxBytes + 1, "Файл «svidetelstvo.pdf» больше 5 МБ." },
        { "ru", -1, "Файл «svidetelstvo.pdf» не является PDF, JPEG или PNG." },
        { "ru", 0, "Файл «svidetelstvo.pdf» пустой." },
        { "kk", (int)EvidenceFiles.MaxBytes + 1, "«svidetelstvo.pdf» файлы 5 МБ-тан үлкен." },
        { "kk", -1, "«svidetelstvo.pdf» файлы PDF, JPEG немесе PNG емес." },
        { "kk", 0, "«svidetelstvo.pdf» файлы бос." },
    };

    [Theory]
    [MemberData(nameof(RefusedAtFiling))]
    public async Task FilingReview_BadBirthCertificate_RefusedInTheirLanguageAndNothingStaged(string language, int size, string message)
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await parent.GetAsync($"/lang/{language}")).StatusCode);
        var form = await parent.OpenAsync("/applications/new");
        var child = CabinetData.NewChild(TestIins.Make(new DateOnly(2025, 9, 9)));
        var content = size switch { -1 => RegistryClients.Executable(), 0 => [], _ => RegistryClients.Pdf(size) };

        var response = await RegistryClients.PostFilesAsync(parent, "/applications/new/review", form, child, ("parenthoodFiles", "svidetelstvo.pdf", content));
        var page = new CabinetPage(await response.Content.ReadAsStringAsync());

        Assert.False(page.HasSignForm);
        Assert.Contains(message, page.Text);
        await AssertNothingFiledAsync(child["ChildIin"]);
    }

    /// A body larger than the filing form accepts is refused from its length, before it is read.
    [Fact]
    public async Task FilingReview_BodyOverTheRequestLimit_Refused413AndNothingStaged()
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var form = await parent.OpenAsync("/applications/new");
        var child = CabinetData.NewChild(TestIins.Make(new DateOnly(2025, 9, 10)));

        var response = await RegistryClients.PostFilesAsync(parent, "/applications/new/review", form, child,
            ("parenthoodFiles", "svidetelstvo.pdf", RegistryClients.Pdf((int)EvidenceFiles.RequestLimit + 1)));
        var page = new CabinetPage(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Отправлено больше данных, чем принимает эта форма (не больше 30 МБ); ничего не сохранено.", page.Text);
        await AssertNothingFiledAsync(child["ChildIin"]);
    }

    private async Task AssertNothingFiledAsync(string childIin)
    {
        await using var db = keys.Database.CreateContext();
        Assert.Equal(0, await db.Set<StagedDocument>().CountAsync());
        Assert.False(await db.Applications.AnyAsync(a => a.Child!.Iin == childIin));
    }

    private async Task<long> ClaimedAsync(PortalFactory portal, bool confirmed = false)
    {
        await using var db = keys.Database.CreateContext();
        var scenario = new Scenario(db, portal.Clock.GetUtcNow());
        var parent = await CabinetData.ParentAsync(db, DemoUsers.Parent1);
        return (await scenario.ApplicationAsync(parent, new DateOnly(2022, 5, 5), Privilege.LargeFamily, confirmPrivilege: confirmed)).Id;
    }

    private async Task<(int Documents, int Events, PrivilegeReview Review)> StoredAsync(long id)
    {
        await using var db = keys.Database.CreateContext();
        var application = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == id);
        return (await db.ApplicationDocuments.CountAsync(d => d.ApplicationId == id), application.Events.Count, application.PrivilegeReview);
    }
}
