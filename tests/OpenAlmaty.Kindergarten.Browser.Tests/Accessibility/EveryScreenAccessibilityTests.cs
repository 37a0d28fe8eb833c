using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Accessibility;

/// Issue 15, point 6: axe-core over every screen each role opens, in every language of the portal,
/// on a desktop (1280 px) and a phone (390 px): no serious or critical violation. One browser
/// context per role, signed in once; the language is the switch's cookie, the width the viewport.
/// Not scanned: /admin/jobs (Hangfire's own dashboard, not the portal's pages).
[Collection(BrowserCollection.Name)]
public sealed class EveryScreenAccessibilityTests(BrowserPortal portal)
{
    /// The portal's languages: English is one more entry here.
    public static readonly string[] Languages = ["ru", "kk", "en"];

    private static readonly int[] Widths = [1280, 390];
    private static readonly string[] Blocking = ["serious", "critical"];

    /// Only violations are gathered in full (passes keep one node each): most of a scan's time
    /// on a big page went into serialising every passing node.
    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations] };

    public static TheoryData<string> Roles => ["anonymous", "parent", "education", "admin", "kindergarten", "callcentre"];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryScreen_EveryLanguageDesktopAndPhone_NoSeriousOrCriticalViolation(string role)
    {
        var screens = await ScreensAsync(role);
        var page = await portal.NewPageAsync(1280, 900);
        if (UserOf(role) is { } user) await ScreenSigner.SignInAsync(page, portal, user);
        var found = new List<string>();
        var scans = 0;

        foreach (var language in Languages)
        {
            await page.Context.AddCookiesAsync([new() { Name = "lang", Value = language, Url = portal.BaseUrl }]);
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, width < 768 ? 844 : 900);
                foreach (var screen in screens)
                {
                    var response = await page.GotoAsync(screen);
                    Assert.True(response is not null && response.Status < 500, $"{role} {screen}: {response?.Status}");
                    AxeResult result = await page.RunAxe(Options);
                    Assert.NotEmpty(result.Passes);
                    scans++;
                    if (Shots) await BrowserPortal.ScreenshotAsync(page, $"a11y-{role}-{language}-{width}{ShotName(screen)}");
                    if (await page.EvaluateAsync<string>(LayoutCheck) is { Length: > 0 } layout) found.Add($"{role} {language} {width} {screen}: {layout}");
                    if (UserOf(role)?.Role is not null && await page.Locator("header a[href='/applications']").CountAsync() > 0)
                        found.Add($"{role} {language} {width} {screen}: the parents' «Просмотр» in a staff menu");
                    found.AddRange(result.Violations.Where(v => Blocking.Contains(v.Impact))
                        .Select(v => $"{role} {language} {width} {screen}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
                }
            }
        }

        Assert.Equal(screens.Count * Languages.Length * Widths.Length, scans);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// Issue 15, item 12: no page scrolls sideways; header, main and footer are one width; no
    /// bordered box (a card, a table) reaches past main's padding, where it would touch or leave
    /// the page's edge.
    private const string LayoutCheck = """
        () => {
          const out = [];
          const d = document.documentElement;
          if (d.scrollWidth > d.clientWidth + 1) out.push('scrolls sideways by ' + (d.scrollWidth - d.clientWidth) + ' px');
          const width = s => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().width) : -1; };
          const header = width('header nav > div'), main = width('main'), footer = width('footer > div');
          if (header !== main || footer !== main) out.push('header ' + header + ', main ' + main + ', footer ' + footer + ' px wide');
          const m = document.querySelector('main'), box = m.getBoundingClientRect(), style = getComputedStyle(m);
          const left = box.left + parseFloat(style.paddingLeft) - 1, right = box.right - parseFloat(style.paddingRight) + 1;
          for (const e of m.querySelectorAll('.card, .border, table, .alert')) {
            const r = e.getBoundingClientRect();
            if (r.width > 0 && (r.left < left || r.right > right) && !e.closest('.table-responsive'))
              out.push('outside the page: <' + e.tagName.toLowerCase() + ' class="' + e.className + '"> ' + Math.round(r.left) + '–' + Math.round(r.right) + ' px');
          }
          return out.join('; ');
        }
        """;

    /// OA_A11Y_SCREENSHOTS=1 saves every scanned screen under bin/…/screenshots for a person to look at.
    private static bool Shots => Environment.GetEnvironmentVariable("OA_A11Y_SCREENSHOTS") == "1";

    private static string ShotName(string screen) =>
        string.Concat(screen.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    private static DemoUser? UserOf(string role) => role switch
    {
        "parent" => DemoUsers.Parent1,
        "education" => DemoUsers.Education,
        "admin" => DemoUsers.Admin,
        "kindergarten" => DemoUsers.Kindergarten,
        "callcentre" => DemoUsers.Operator,
        _ => null,
    };

    /// Every screen the role reaches from its menus, with real rows (the demo data's). Education
    /// also opens /admin/staff, to scan the refusal page.
    private async Task<IReadOnlyList<string>> ScreensAsync(string role)
    {
        await using var db = portal.Database.CreateContext();
        var child = CabinetScreens.Child.Iin;
        var application = await db.Applications.Where(a => a.Child!.Iin == child).Select(a => new { a.Id, a.RegistrationNumber, a.BirthYear }).SingleAsync();
        var organisation = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var referral = await db.Referrals.OrderBy(r => r.Id).Select(r => r.VerificationCode).FirstOrDefaultAsync() ?? "0000000000";
        var release = await db.Releases.OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync();
        string[] staffDesk =
        [
            "/admin", "/admin/organisations", "/admin/organisations/new", $"/admin/organisations/{organisation}", "/admin/queue",
            "/admin/applications", $"/admin/applications/{application.Id}", "/admin/releases", "/admin/releases/new",
            "/admin/reviews", "/admin/calendar", "/admin/reports", "/admin/seats", $"/admin/seats?organisation={organisation}",
        ];
        return role switch
        {
            "anonymous" => ["/", "/login", "/free-seats", $"/verify/{referral}", release is { } r ? $"/releases/{r}" : "/free-seats", "/no-such-page"],
            "parent" =>
            [
                "/", "/applications", $"/applications/{application.Id}", $"/applications/{application.Id}/private",
                $"/applications/{application.Id}/private?org={await PrivateWithSeatsAsync(db, application.BirthYear)}", $"/applications/{application.Id}/state",
                "/applications/new", "/applications/attach", $"/applications/{application.Id}/withdraw", $"/applications/{application.Id}/invitation",
            ],
            "education" => [.. staffDesk, "/admin/staff"],
            // The desk's pages are education's, scanned above; the administrator's menu and own pages here.
            "admin" => ["/admin", "/admin/staff", "/admin/audit"],
            "kindergarten" => ["/kindergarten", "/kindergarten/seats"],
            "callcentre" => ["/callcentre", $"/callcentre?q={Uri.EscapeDataString(application.RegistrationNumber)}", $"/callcentre/{application.Id}"],
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
    }

    private static Task<int> PrivateWithSeatsAsync(Web.Data.AppDbContext db, int birthYear) =>
        db.Seats.Where(s => s.FreeSeats > 0 && s.BirthYear == birthYear && s.Organisation!.Type == Domain.Kindergartens.OrganisationType.PrivateStateOrder)
            .OrderBy(s => s.OrganisationId).Select(s => s.OrganisationId).FirstAsync();
}
