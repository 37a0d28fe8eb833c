using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Documents;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Journeys;

/// The city's instruction, steps 4 to 9, as the demo parent does them in Chromium: «Просмотр»,
/// the application, «Выбрать частный сад», an organisation, «Подписать и отправить» with the
/// signing key file, the referral under «Общие документы», its PDF, and the QR code's page.
[Collection(BrowserCollection.Name)]
public sealed partial class PrivateKindergartenJourneyTests(BrowserPortal portal)
{
    private static readonly DemoUser Parent = DemoUsers.Parent1;

    /// The 4-year-old: the 5-year-old is left untouched for the screenshots and the axe scan.
    private static readonly DemoChild Child = DemoUsers.Children[1];

    private static readonly string ChildName = $"{Child.LastName} {Child.FirstName} {Child.MiddleName}";

    [Fact]
    public async Task Parent_ChoosesPrivateKindergartenAndSigns_GetsReferralPdfThatVerifies()
    {
        var page = await portal.NewPageAsync();
        await KeyFileSigner.SignInAsync(page, portal, Parent);

        // Step 4: «Просмотр» — the journal of applications.
        await page.GotoAsync("/");
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Просмотр" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Журнал заявлений" })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = ChildName });
        await Expect(row).ToHaveCountAsync(1);

        // Step 5: the application, opened from its row.
        await row.GetByRole(AriaRole.Link, new() { Name = ChildName }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/applications/\d+$"));
        var applicationId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Заявление");
        await Expect(page.Locator("#info")).ToContainTextAsync(ChildName);

        // Step 6: «Выбрать частный сад» — the list of organisations with a free seat.
        await page.GetByRole(AriaRole.Link, new() { Name = "Выбрать частный сад" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Список доступных дошкольных организаций" })).ToBeVisibleAsync();
        var first = page.Locator(".oa-org-list a").First;
        var organisationName = (await first.Locator(".fw-semibold").InnerTextAsync()).Trim();

        // Step 7: the organisation's card, then «Подписать и отправить» with the RSA signing key.
        await first.ClickAsync();
        var card = page.Locator("#org-card-title").Locator("xpath=..");
        await Expect(card).ToContainTextAsync(organisationName);
        var form = page.Locator("form[data-eds-form]");
        await KeyFileSigner.FillAsync(form, DemoKeys.SigningFile(portal.KeysFolder, Parent));
        await form.GetByRole(AriaRole.Button, new() { Name = "Подписать и отправить" }).ClickAsync();

        // Step 8: back on the application, the referral issued and listed under «Общие документы».
        await page.WaitForURLAsync($"**/applications/{applicationId}");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("выдано");
        var referral = await ReferralOfAsync(applicationId);
        Assert.Equal(ReferralStatus.Active, referral.Status);
        Assert.Equal(organisationName, referral.OrganisationName);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Общие документы" }).ClickAsync();
        var documents = page.Locator("#docs");
        await Expect(documents).ToBeVisibleAsync();
        await Expect(documents).ToContainTextAsync(referral.Number);

        // Issue 15: after the referral the page says why nothing more can be chosen, in a whole
        // sentence; the status line no longer says «в очереди с»; the history says what «created» was.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Информация о заявке" }).ClickAsync();
        await Expect(page.Locator("#why-no-private")).ToHaveTextAsync(new Regex(@"^\s*Выбор частного сада недоступен\.\s+Направление уже выдано\.\s*$"));
        await Expect(page.Locator("#info")).Not.ToContainTextAsync("в очереди с");
        await page.GetByRole(AriaRole.Tab, new() { Name = "История изменений" }).ClickAsync();
        await Expect(page.Locator("#history")).ToContainTextAsync("Заявление подано и поставлено в очередь.");
        await page.GotoAsync($"/applications/{applicationId}/private");
        await page.WaitForURLAsync($"**/applications/{applicationId}");
        await Expect(page.Locator("main > .alert-danger")).ToHaveTextAsync("Выбор детского сада недоступен. Направление уже выдано.");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Общие документы" }).ClickAsync();

        // Step 9: the download, read with poppler's pdftotext.
        var download = await page.RunAndWaitForDownloadAsync(() => documents.GetByRole(AriaRole.Link, new() { Name = "Скачать PDF" }).ClickAsync());
        Assert.Equal($"napravlenie-{referral.Number}.pdf", download.SuggestedFilename);
        var pdf = await ReadAsync(download);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var text = Spaces().Replace(PdfTools.Text(pdf), " ");
        Assert.Contains(ChildName, text, StringComparison.Ordinal);
        Assert.Contains(organisationName, text, StringComparison.Ordinal);
        Assert.Contains(referral.Number, text, StringComparison.Ordinal);
        // Issue 15: the application it answers and the applicant.
        Assert.Contains("Номер заявления", text, StringComparison.Ordinal);
        Assert.Contains(referral.ApplicationNumber, text, StringComparison.Ordinal);
        Assert.Contains($"{Parent.LastName} {Parent.FirstName} {Parent.MiddleName}", text, StringComparison.Ordinal);
        // pdftotext reads the field table's labels before its values: the label, then the value.
        Assert.Contains("Действительно до Жарамдылық мерзімі", text, StringComparison.Ordinal);
        Assert.Contains($"{AlmatyTime.Format(referral.ValidUntil)} (время Алматы / Алматы уақыты)", text, StringComparison.Ordinal);
        Assert.Contains($"/verify/{referral.VerificationCode}", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // The QR code's page confirms the referral, without the child's name or IIN.
        var verify = await portal.NewPageAsync();
        await verify.GotoAsync($"/verify/{referral.VerificationCode}");
        var main = verify.Locator("main");
        await Expect(main.GetByRole(AriaRole.Status)).ToContainTextAsync("Направление действительно.");
        await Expect(main).ToContainTextAsync(referral.Number);
        await Expect(main).ToContainTextAsync(organisationName);
        await Expect(main).ToContainTextAsync(AlmatyTime.Format(referral.ValidUntil));
        Assert.DoesNotContain(Child.FirstName, await main.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Child.Iin, await main.InnerTextAsync(), StringComparison.Ordinal);
    }

    private sealed record IssuedReferral(string Number, string OrganisationName, ReferralStatus Status, DateTimeOffset ValidUntil, string VerificationCode,
        string ApplicationNumber);

    private async Task<IssuedReferral> ReferralOfAsync(long applicationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
        Assert.Equal(ApplicationStatus.Referred, application.Status);
        return await db.Referrals.AsNoTracking().Where(r => r.ApplicationId == applicationId)
            .Select(r => new IssuedReferral(r.Number, r.Organisation!.NameRu, r.Status, r.ValidUntil, r.VerificationCode, application.RegistrationNumber))
            .SingleAsync();
    }

    private static async Task<byte[]> ReadAsync(IDownload download)
    {
        var path = Path.Combine(Path.GetTempPath(), $"oa-referral-{Guid.NewGuid():N}.pdf");
        try
        {
            await download.SaveAsAsync(path);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
