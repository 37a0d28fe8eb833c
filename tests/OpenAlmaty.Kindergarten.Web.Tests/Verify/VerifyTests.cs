using System.Net;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Verify;

public sealed class VerifyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string ParentIin = "900101300017";

    [Fact]
    public async Task Verify_ActiveReferral_ShowsNumberOrganisationStatusAndValidity()
    {
        var referral = await IssueReferralAsync();
        await using var factory = new PortalFactory(fixture.Database);

        var response = await factory.CreateClient().GetAsync($"/verify/{referral.Code}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(referral.Number, html);
        Assert.Contains("Детский сад &quot;Золотой Дракоша&quot;", html);
        Assert.Contains("Действует", html);
        Assert.Contains("Направление действительно.", html);
        Assert.Contains(AlmatyTime.Format(referral.ValidUntil), html);
        Assert.Contains("М. А.", html);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Verify_AnyReferral_ShowsNoIinAndNoParentOrFullChildName()
    {
        var referral = await IssueReferralAsync();
        await using var factory = new PortalFactory(fixture.Database);

        var html = await factory.CreateClient().GetStringAsync($"/verify/{referral.Code}");

        Assert.DoesNotContain(referral.ChildIin, html);
        Assert.DoesNotContain(ParentIin, html);
        Assert.DoesNotContain("ТУЛЕУБАЕВА", html);
        Assert.DoesNotContain("Айгерим", html);
        Assert.DoesNotContain("МАНСУРҰЛЫ", html);
        Assert.DoesNotContain("Алихан", html);
    }

    [Fact]
    public async Task Verify_InKazakh_ShowsKazakhStatusAndOrganisationName()
    {
        var referral = await IssueReferralAsync();
        await using var factory = new PortalFactory(fixture.Database);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", "lang=kk");

        var html = await client.GetStringAsync($"/verify/{referral.Code}");

        Assert.Contains("Жолдаманы тексеру", html);
        Assert.Contains("Жарамды", html);
        Assert.Contains("&quot;Золотой Дракоша&quot; балабақшасы", html);
    }

    [Fact]
    public async Task Verify_ActiveReferralPastItsDeadline_IsShownAsNotValid()
    {
        var referral = await IssueReferralAsync();
        await using var factory = new PortalFactory(fixture.Database);
        factory.Clock.SetUtcNow(referral.ValidUntil.AddSeconds(1));

        var html = await factory.CreateClient().GetStringAsync($"/verify/{referral.Code}");

        Assert.Contains("Направление недействительно.", html);
        Assert.Contains("Срок действия истёк", html);
        Assert.DoesNotContain("Направление действительно.", html);
    }

    [Theory]
    [InlineData("NOSUCHCODE")]
    [InlineData("a-code-longer-than-any-stored-code-0123456789")]
    public async Task Verify_UnknownCode_Returns404WithMessage(string code)
    {
        await IssueReferralAsync();
        await using var factory = new PortalFactory(fixture.Database);

        var response = await factory.CreateClient().GetAsync($"/verify/{code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Направление не найдено", await response.Content.ReadAsStringAsync());
    }

    private sealed record IssuedReferral(string Number, string Code, string ChildIin, DateTimeOffset ValidUntil);

    private async Task<IssuedReferral> IssueReferralAsync()
    {
        var now = new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);
        var unique = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var childIin = TestData.TestIins.Make(new DateOnly(2022, 10, 24));
        await using var db = fixture.Database.CreateContext();
        var parent = db.People.FirstOrDefault(p => p.Iin == ParentIin)
            ?? db.People.Add(new Person(Iin.Parse(ParentIin), "ТУЛЕУБАЕВА", "Айгерим", "Маратовна")).Entity;
        var child = new Child(Iin.Parse(childIin), "МАНСУРҰЛЫ", "Алихан", null);
        var organisation = new PreschoolOrganisation(OrganisationType.PrivateStateOrder, "Детский сад \"Золотой Дракоша\"",
            "\"Золотой Дракоша\" балабақшасы", InstructionLanguage.Russian, District.Bostandyk, "ул. Кожамсулова 151",
            "378-25-35", "http://zoltoidrakosha.satu.kz/", 43.2, 76.9);
        db.AddRange(child, organisation);
        await db.SaveChangesAsync();

        var application = Application.File(child, parent, $"UO.2026.{unique}", Privilege.None, InstructionLanguage.Russian,
            null, null, now.AddYears(-1), []);
        db.Applications.Add(application);
        await db.SaveChangesAsync();

        var validUntil = AlmatyTime.EndOfDay(new DateOnly(2026, 12, 2));
        var referral = application.IssueReferral(organisation, $"N-{unique}", $"V{unique}", now, validUntil, parent.FullName, null);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return new IssuedReferral(referral.Number, referral.VerificationCode, childIin, validUntil);
    }
}
