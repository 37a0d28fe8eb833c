using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Hostile;

/// Input that cannot hurt (issue 17, cases 8 and 12): names refuse control, bidi-override and
/// zero-width characters with a message; the public check is rate-limited; the data-protection
/// keys are encrypted at rest; Production sends HSTS.
public sealed class HostileInputTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Theory]
    [InlineData("ТЕСТ\u0001")]
    [InlineData("ТЕСТ\u202E")]
    [InlineData("ТЕ\u200BСТ")]
    public async Task Review_NameWithInvisibleCharacter_MessageAndNothingPrepared(string lastName)
    {
        await using var portal = keys.Portal();
        portal.Settings["SignIn:AttemptsPerMinute"] = "1000";
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var form = await parent.OpenAsync("/applications/new");
        var requests = await CabinetData.SignedRequestCountAsync(keys.Database);
        var child = CabinetData.NewChild(TestIins.Make(new DateOnly(2023, 3, 3)));
        child["LastName"] = lastName;

        var response = await parent.PostAsync("/applications/new/review", form, child);
        var page = new CabinetPage(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("невидимые и управляющие символы", page.Text);
        Assert.False(page.HasSignForm);
        Assert.Equal(requests, await CabinetData.SignedRequestCountAsync(keys.Database));
    }

    [Fact]
    public async Task Verify_TooManyChecksFromOneAddress_Answers429()
    {
        await using var portal = keys.Portal();
        portal.Settings["Verify:RequestsPerMinute"] = "2";
        var client = portal.CreateClient();

        await client.GetAsync("/verify/NOSUCHCODE1");
        await client.GetAsync("/verify/NOSUCHCODE2");
        var third = await client.GetAsync("/verify/NOSUCHCODE3");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Fact]
    public async Task SignIn_DataProtectionKeys_EncryptedAtRest()
    {
        await using var portal = keys.Portal();
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var form = await LoginForm.OpenAsync(client);
        await form.PostAsync(client, Signatures.NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1)));

        await using var db = keys.Database.CreateContext();
        var stored = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(stored);
        Assert.All(stored, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
        Assert.All(stored, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_HttpsRequest_StrictTransportSecurity()
    {
        await using var testing = keys.Portal();
        _ = testing.Server; // a Testing host makes the data-protection certificate file when it is missing
        foreach (var relaxation in new[] { "Eds:TrustDevelopmentCa", "Eds:AllowTestIins", "Eds:AllowKeyFileSigning", "Auth:AllowInsecureCookies" })
            testing.Settings.Remove(relaxation);
        testing.Settings["Hangfire:Enabled"] = "false";
        // Production requires revocation (decision 0013); nothing here is verified, so no network.
        testing.Settings["Eds:Revocation"] = "Ocsp";
        await using var production = testing.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new() { BaseAddress = new Uri("https://portal.test") });

        var response = await client.GetAsync("/free-seats");

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }
}
