using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Accessibility;

/// Signs anyone in with their AUTH key file and waits until the login page is left (staff land on
/// their desk, parents on their cabinet).
internal static class ScreenSigner
{
    public static async Task SignInAsync(IPage page, Infrastructure.BrowserPortal portal, DemoUser user)
    {
        await page.GotoAsync("/login");
        var form = page.Locator("form[data-eds-form]");
        await Infrastructure.KeyFileSigner.FillAsync(form, DemoKeys.AuthenticationFile(portal.KeysFolder, user));
        await form.Locator("[data-eds-submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
    }
}
