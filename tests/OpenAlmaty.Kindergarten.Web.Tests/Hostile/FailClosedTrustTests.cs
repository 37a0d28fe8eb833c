using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Hostile;

/// Trust that fails closed (issue 17, case 11): every relaxation is a setting that is off unless
/// set, and refused in Production; the development CA's private key is not left beside its keys.
public sealed class FailClosedTrustTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task Staging_DevelopmentCaInKeysFolderButNotSwitchedOn_Untrusted()
    {
        await using var portal = new PortalFactory(keys.Database);
        portal.Settings["DemoData:KeysFolder"] = keys.TrustedFolder;
        portal.Settings.Remove("Eds:TrustDevelopmentCa");
        await using var staging = portal.WithWebHostBuilder(b => b.UseEnvironment("Staging"));
        var client = staging.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await LoginForm.OpenAsync(client);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("eds.cert.untrusted", LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Production_WithRelaxationsSwitchedOn_RefusesToStartOneLinePerProblem()
    {
        await using var portal = new PortalFactory(keys.Database);
        portal.Settings["Eds:TrustDevelopmentCa"] = "true";
        portal.Settings["Eds:AllowTestIins"] = "true";
        portal.Settings["Eds:AllowKeyFileSigning"] = "true";
        portal.Settings["Auth:AllowInsecureCookies"] = "true";
        await using var production = portal.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var refused = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        var lines = Causes(refused).OfType<Microsoft.Extensions.Options.OptionsValidationException>().First().Failures.ToList();
        Assert.Contains(lines, l => l.Contains("Eds:TrustDevelopmentCa", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Eds:AllowTestIins", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Eds:AllowKeyFileSigning", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Auth:AllowInsecureCookies", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    private static IEnumerable<Exception> Causes(Exception e)
    {
        for (Exception? c = e; c is not null; c = c.InnerException)
        {
            yield return c;
            if (c is AggregateException a) foreach (var inner in a.InnerExceptions.SelectMany(Causes)) yield return inner;
        }
    }

    [Fact]
    public async Task DemoKeys_AfterMaking_NoCaPrivateKeyInFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "oa-demo-ca-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await DemoKeys.EnsureAsync(folder, [DemoUsers.Parent1], EdsKeysFixture.ValidFrom);

            var files = Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(new[]
                {
                    DemoKeys.AuthenticationFile("", DemoUsers.Parent1), DemoKeys.SigningFile("", DemoUsers.Parent1),
                    DemoKeys.GostAuthenticationFile("", DemoUsers.Parent1), DemoKeys.GostSigningFile("", DemoUsers.Parent1), DemoKeys.CaFile,
                }
                .Order(StringComparer.Ordinal).ToList(), files);
            Assert.DoesNotContain("PRIVATE KEY", await File.ReadAllTextAsync(Path.Combine(folder, DemoKeys.CaFile)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
