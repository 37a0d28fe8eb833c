using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

/// A fresh database, demo keys for every demo person made at run time, a portal that trusts
/// them, and sign-in over HTTP with a real signature. Staff fixtures add their own grants.
public abstract partial class StaffKeysFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 5, 0, 0, TimeSpan.Zero);

    private readonly string keys = Path.Combine(Path.GetTempPath(), "oa-staff-keys-" + Guid.NewGuid().ToString("N")[..8]);

    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await DemoKeys.EnsureAsync(keys, DemoUsers.All, EdsKeysFixture.ValidFrom);
        await SeedStaffAsync();
    }

    /// The staff grants the fixture's tests start from.
    protected virtual Task SeedStaffAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(keys, recursive: true);
    }

    public PortalFactory Portal()
    {
        var factory = new PortalFactory(Database);
        factory.Settings["Eds:TrustAnchors:0"] = Path.Combine(keys, DemoKeys.CaFile);
        factory.Settings["DemoData:KeysFolder"] = keys;
        // Every test signs in from 127.0.0.1; the limit itself is tested in SignIn/SessionTests.
        factory.Settings["SignIn:AttemptsPerMinute"] = "1000";
        return factory;
    }

    public async Task<HttpClient> SignInAsync(PortalFactory portal, DemoUser user)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await LoginForm.OpenAsync(client);
        using X509Certificate2 key = DemoKeys.Load(DemoKeys.AuthenticationFile(keys, user));
        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// The anti-forgery token on a page.
    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
