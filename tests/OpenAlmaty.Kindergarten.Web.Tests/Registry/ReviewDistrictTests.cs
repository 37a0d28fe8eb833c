using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Registry;

/// Every filing gets the district the parent chose, so the district's staff see what waits for
/// them on «Проверка документов», and only that; city-wide staff filter by district in the URL.
public sealed class ReviewDistrictTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task UnknownChildFiling_DistrictStaff_SeeTheirDistrictsFilingOnly()
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var own = await FileUnknownAsync(parent, District.Almaly);
        var other = await FileUnknownAsync(parent, District.Medeu);
        // A district's staff member (this fixture has keys for the parents and the administrator).
        await GrantAsync(portal, DemoUsers.Parent2, StaffRole.EducationStaff, District.Almaly);
        var staff = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent2);

        var desk = await staff.OpenAsync("/admin/reviews");
        var home = await staff.OpenAsync("/admin");
        var filtered = await staff.OpenAsync("/admin/reviews?district=Medeu");

        Assert.Contains($"data-review=\"{own}\"", desk.Html);
        Assert.DoesNotContain($"data-review=\"{other}\"", desk.Html);
        Assert.Contains("data-review-row-district=\"Almaly\"", desk.Html);
        Assert.Contains("data-review-district=\"Almaly\"", home.Html);
        Assert.DoesNotContain("data-review-district=\"Medeu\"", home.Html);
        // The filter is city-wide staff's: district staff keep seeing their own district.
        Assert.DoesNotContain($"data-review=\"{other}\"", filtered.Html);
        Assert.DoesNotContain("data-review-filter", desk.Html);
        await using var db = keys.Database.CreateContext();
        Assert.Equal((District.Almaly, District.Medeu),
            ((await db.Applications.SingleAsync(a => a.Id == own)).District, (await db.Applications.SingleAsync(a => a.Id == other)).District));
    }

    [Fact]
    public async Task CityWideStaff_DistrictFilterInUrl_ListsThatDistrictOnlyAndKeepsItAfterADecision()
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var almaly = await FileUnknownAsync(parent, District.Almaly);
        var turksib = await FileUnknownAsync(parent, District.Turksib);
        var staff = await RegistryClients.StaffAsync(portal, keys);

        var all = await staff.OpenAsync("/admin/reviews");
        var filtered = await staff.OpenAsync("/admin/reviews?district=Turksib");
        var home = await staff.OpenAsync("/admin");
        var decided = await staff.PostAsync($"/admin/reviews/{turksib}/confirm-parenthood", filtered,
            new Dictionary<string, string> { ["reason"] = "Свидетельство проверено", ["district"] = "Turksib" });

        Assert.Contains($"data-review=\"{almaly}\"", all.Html);
        Assert.Contains($"data-review=\"{turksib}\"", all.Html);
        Assert.Contains("data-review-filter", all.Html);
        Assert.Contains($"data-review=\"{turksib}\"", filtered.Html);
        Assert.DoesNotContain($"data-review=\"{almaly}\"", filtered.Html);
        Assert.Contains("<option value=\"Turksib\" selected=\"selected\">", filtered.Html);
        Assert.Contains("href=\"/admin/reviews?district=Turksib\"", home.Html);
        Assert.Equal("/admin/reviews?district=Turksib", decided.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task FilingForm_NoDistrict_RefusedWithMessageAndNothingPrepared()
    {
        await using var portal = keys.Portal();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var form = await parent.OpenAsync("/applications/new");
        var child = CabinetData.NewChild(TestIins.Make(new DateOnly(2025, 8, 8)));
        child.Remove("District");

        var page = new CabinetPage(await (await RegistryClients.PostFilesAsync(parent, "/applications/new/review", form, child,
            ("parenthoodFiles", "birth.pdf", RegistryClients.Pdf()))).Content.ReadAsStringAsync());

        Assert.False(page.HasSignForm);
        Assert.Contains("Выберите район проживания.", page.Text);
        await using var db = keys.Database.CreateContext();
        Assert.False(await db.Set<Features.Evidence.StagedDocument>().AnyAsync());
    }

    /// A child the registry does not know, filed with a birth certificate, in the district given.
    private static async Task<long> FileUnknownAsync(CabinetClient parent, District district)
    {
        var child = CabinetData.NewChild(TestIins.Make(new DateOnly(2025, 6, 1 + Random.Shared.Next(28))));
        child["District"] = district.ToString();
        var form = await parent.OpenAsync("/applications/new");
        var review = new CabinetPage(await (await RegistryClients.PostFilesAsync(parent, "/applications/new/review", form, child,
            ("parenthoodFiles", "svidetelstvo.pdf", RegistryClients.Pdf()))).Content.ReadAsStringAsync());
        Assert.True(review.HasSignForm, review.Error ?? review.Text);
        var registered = await parent.SignAndSendAsync(review);
        var page = await parent.FollowAsync(registered);
        Assert.Contains("Ожидает подтверждения сотрудником", page.Text);
        return long.Parse(registered.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private async Task GrantAsync(PortalFactory portal, DemoUser user, StaffRole role, District district)
    {
        await using var db = keys.Database.CreateContext();
        db.StaffMembers.Add(new StaffMember(user.Iin, "МАНСУРОВ ЕРЛАН БОЛАТҰЛЫ", role, district, null, portal.Clock.GetUtcNow(), "test"));
        await db.SaveChangesAsync();
    }
}
