using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.SignIn;

/// The session around sign-in: its cookie, the limit on attempts, signing out.
public sealed class SessionTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task SignIn_InProduction_SessionCookieIsSecureHttpOnlySameSite()
    {
        await using var testing = keys.Portal();
        testing.Settings["Hangfire:Enabled"] = "false";
        // Production refuses every relaxation (Infrastructure/StartupChecks): only the pinned CA
        // file, and a certificate for the data-protection keys.
        foreach (var relaxation in new[] { "Eds:TrustDevelopmentCa", "Eds:AllowTestIins", "Eds:AllowKeyFileSigning", "Auth:AllowInsecureCookies" })
            testing.Settings.Remove(relaxation);
        testing.Settings["DataProtection:CertificateFile"] = PortalFactory.DataProtectionCertificateFile;
        _ = testing.Server; // a Testing host makes the certificate file when it is missing
        // Production requires revocation; the test key names no OCSP responder, so NCA "cannot
        // be reached" and the policy lets a sign-in through (no network is touched).
        testing.Settings["Eds:Revocation"] = "Ocsp";
        testing.Settings["Eds:RevocationUnreachable"] = "AllowSignIn";
        await using var production = testing.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        // Behind the TLS-terminating proxy the request reaches the portal as https.
        var client = production.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var form = await LoginForm.OpenAsync(client);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("oa.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_TooManyAttempts_Answers429WithMessage()
    {
        await using var portal = keys.Portal();
        portal.Settings["SignIn:AttemptsPerMinute"] = "2";
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);

        await form.PostAsync(client, "<login/>");
        await form.PostAsync(client, "<login/>");
        var third = await form.PostAsync(client, "<login/>");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Слишком много попыток входа", await third.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_SignedIn_EndsSession()
    {
        await using var portal = keys.Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1)));
        var home = await client.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(home, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Войти в личный кабинет", await client.GetStringAsync("/"));
    }
}
