using Microsoft.AspNetCore.Mvc.Testing;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.EgovMobile;

/// Each portal instance keeps its own copies of the transactions it started or took the
/// signature of (EgovTransactionMemory). The copy's status is trusted only when this instance
/// wrote it as signed; anything else comes from the row, which another instance may have changed.
/// Two test hosts on one database stand for two instances behind the proxy.
public sealed class EgovTransactionMemoryTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    /// The browser started on A; the phone's PUT reached B. A's own copy still says pending, so
    /// A's poll must read the row to find the signature.
    [Fact]
    public async Task PhoneReachesAnotherInstance_ThePollOnTheFirstReadsTheRow_AndSignsIn()
    {
        await using var first = keys.Portal().WithEgovMobile();
        await using var second = keys.Portal().WithEgovMobile();
        var browser = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login);
        var pending = await TestPhone.StateAsync(browser, started);

        var answer = await TestPhone.Phone(second, TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost: true)).SignAsync(started.QrText);
        var state = await TestPhone.StateAsync(browser, started);

        Assert.Equal("pending", pending.Status);
        Assert.Equal((System.Net.HttpStatusCode.OK, null), (answer.Status, answer.Message));
        Assert.Equal(("signed-in", "/"), (state.Status, state.Redirect));
    }

    /// The PUT reached the instance the browser polls: the poll that signs in reads nothing (the
    /// transaction's copy the PUT wrote is final, and the session it started is this instance's
    /// snapshot), and a second PUT is refused there too.
    [Fact]
    public async Task PutOnThisInstance_ThePollReadsNothing_AndASecondPutIsRefused()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var counter = SqlCommandCounter.On(portal);
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login);
        var phone = TestPhone.Phone(portal, TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost: false));
        var answer = await phone.SignAsync(started.QrText);

        (string Status, string? Message, string? SignedXml, string? Redirect) state = default;
        var commands = await counter.DuringAsync(async () => state = await TestPhone.StateAsync(browser, started));
        var again = await phone.SignAsync(started.QrText);

        Assert.Equal((System.Net.HttpStatusCode.OK, null), (answer.Status, answer.Message));
        Assert.Equal(("signed-in", "/"), (state.Status, state.Redirect));
        Assert.Empty(commands); // neither the transaction nor the session the PUT started here
        Assert.NotEqual(System.Net.HttpStatusCode.OK, again.Status);
    }
}
