using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;

/// The in-browser key-file signer of wwwroot/js/eds.js, driven the way a parent does it:
/// «Файл ключа в этом браузере», the .p12 file, its password. Found by the signer's data
/// attributes so that it works on Russian and Kazakh pages alike.
public static class KeyFileSigner
{
    /// Signs in on /login with the person's AUTH_RSA file and waits for the home page with «Просмотр»
    /// (the instruction's step 4 starts there).
    public static async Task SignInAsync(IPage page, BrowserPortal portal, DemoUser user)
    {
        await page.GotoAsync("/login");
        var form = page.Locator("form[data-eds-form]");
        await FillAsync(form, DemoKeys.AuthenticationFile(portal.KeysFolder, user));
        await form.Locator("[data-eds-submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }

    /// Chooses the key file (the signing RSA file for «Подписать и отправить») in a form's signer.
    public static async Task FillAsync(ILocator form, string keyFile)
    {
        await form.Locator("[data-eds-storage]").SelectOptionAsync("file");
        await form.Locator("[data-eds-file]").SetInputFilesAsync(keyFile);
        await form.Locator("[data-eds-password]").FillAsync(DemoUsers.KeyPassword);
    }
}
