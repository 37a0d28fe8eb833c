using System.Net;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.EgovMobile;

/// The page that plays the phone with the demo keys exists in Development only.
public sealed class DevPhonePageTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task OutsideDevelopment_Absent()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var client = portal.CreateClient();

        var response = await client.GetAsync("/dev/phone?qr=mobileSign%3Ahttps%3A%2F%2Fx");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("name=\"qr\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopment_ShowsThePhoneWithTheDemoKeys()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        portal.Environment = "Development";
        var client = portal.CreateClient();

        var response = await client.GetAsync("/dev/phone?qr=mobileSign%3Ahttps%3A%2F%2Fx");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"qr\"", html, StringComparison.Ordinal);
        Assert.Contains("mobileSign:https://x", html, StringComparison.Ordinal);
        Assert.Contains("value=\"parent1\"", html, StringComparison.Ordinal);
    }
}
