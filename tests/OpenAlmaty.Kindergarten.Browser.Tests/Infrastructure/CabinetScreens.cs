using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;

/// The demo parent's way to each screen of the cabinet, as clicks: the journal («Просмотр»),
/// the 5-year-old's application (its row), and the private picker with the first organisation
/// chosen (its card and the signer). Each step waits for the screen's heading, in either language.
public sealed class CabinetScreens(IPage page, string language)
{
    /// The 5-year-old, whom no test sends to a kindergarten: the buttons stay as the rules give them.
    public static readonly DemoChild Child = DemoUsers.Children[0];

    public static string ChildName => $"{Child.LastName} {Child.FirstName} {Child.MiddleName}";

    public IPage Page { get; } = page;

    public CabinetScreens(IPage page, bool kazakh) : this(page, kazakh ? "kk" : "ru") { }

    /// The English of each heading and button is the .en.resx entry for the Russian.
    private string T(string ru, string kk) => language switch { "kk" => kk, "en" => English[ru], _ => ru };

    private static readonly Dictionary<string, string> English = new()
    {
        ["Вход в личный кабинет"] = "Sign-in to your account",
        ["Государственные услуги в сфере дошкольного образования"] = "Public services in preschool education",
        ["Просмотр"] = "View",
        ["Журнал заявлений"] = "Journal of applications",
        ["Заявление"] = "Application",
        ["Выбрать частный сад"] = "Choose a private kindergarten",
        ["Список доступных дошкольных организаций"] = "List of available preschool organisations",
        ["Подписать и отправить"] = "Sign and send",
    };

    public async Task LoginAsync()
    {
        await Page.GotoAsync("/login");
        await HeadingAsync(T("Вход в личный кабинет", "Жеке кабинетке кіру"));
    }

    public async Task HomeAsync()
    {
        await Page.GotoAsync("/");
        await HeadingAsync(T("Государственные услуги в сфере дошкольного образования", "Мектепке дейінгі білім беру саласындағы мемлекеттік қызметтер"));
    }

    public async Task JournalAsync()
    {
        await Page.GotoAsync("/");
        // On a phone the header's menu is folded behind its button.
        var menu = Page.Locator("header .navbar-toggler");
        if (await menu.IsVisibleAsync()) await menu.ClickAsync();
        await Page.Locator("header").GetByRole(AriaRole.Link, new() { Name = T("Просмотр", "Қарау"), Exact = true }).ClickAsync();
        await HeadingAsync(T("Журнал заявлений", "Өтініштер журналы"));
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = ChildName })).ToHaveCountAsync(1);
    }

    public async Task ApplicationAsync()
    {
        await JournalAsync();
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = ChildName }).GetByRole(AriaRole.Link, new() { Name = ChildName }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(T("Заявление", "Өтініш"));
        await Expect(Page.Locator("#info")).ToContainTextAsync(ChildName);
    }

    public async Task PickerAsync()
    {
        await ApplicationAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = T("Выбрать частный сад", "Жеке балабақшаны таңдау") }).ClickAsync();
        await HeadingAsync(T("Список доступных дошкольных организаций", "Қолжетімді мектепке дейінгі ұйымдар тізімі"));
        await Page.Locator(".oa-org-list a").First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = T("Подписать и отправить", "Қол қою және жіберу") })).ToBeVisibleAsync();
    }

    private Task HeadingAsync(string name) =>
        Expect(Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
}
