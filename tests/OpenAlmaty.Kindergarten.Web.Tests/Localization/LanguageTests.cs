using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Localization;

/// The request-localisation middleware with the portal's three languages: the "lang" cookie the
/// header switch sets, a `?culture=` link, Russian by default; texts come from the resources.
public sealed class LanguageTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(null, null, "ru", "Постановка на очередь детей дошкольного возраста")]
    [InlineData("kk", null, "kk", "Мектепке дейінгі жастағы балаларды кезекке қою")]
    [InlineData("en", null, "en", "Queueing preschool children")]
    [InlineData(null, "en", "en", "Queueing preschool children")]
    [InlineData("kk", "ru", "ru", "Постановка на очередь детей дошкольного возраста")]
    public async Task HomePage_CookieOrCultureQuery_IsInThatLanguage(string? cookie, string? query, string lang, string heading)
    {
        await using var factory = new PortalFactory(fixture.Database);
        var client = factory.CreateClient();
        if (cookie is not null) client.DefaultRequestHeaders.Add("Cookie", "lang=" + cookie);

        var html = await client.GetStringAsync(query is null ? "/" : "/?culture=" + query);

        Assert.Contains($"<html lang=\"{lang}\"", html);
        Assert.Contains(heading, html);
    }

    [Fact]
    public async Task LanguageSwitch_English_SetsTheCookie()
    {
        await using var factory = new PortalFactory(fixture.Database);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/lang/en?returnUrl=/");

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lang=en", StringComparison.Ordinal));
    }
}
