using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.SignIn;

public sealed class SignedRequestsTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    private static readonly Dictionary<string, string> ChooseKindergarten = new()
    {
        ["organisation"] = "Детский сад \"Золотой Дракоша\" & <партнёры>",
        ["organisationId"] = "17",
    };

    [Fact]
    public async Task Prepare_WritesCanonicalXmlWithWhatIsAskedAndWho()
    {
        await using var portal = keys.Portal();
        var (id, xml) = await Prepare(portal, DemoUsers.Parent1.Iin);

        Assert.Equal(CanonicalXml.Canonicalize(xml), xml);
        Assert.Equal(
            $"<request><id>{id}</id><kind>choose-private-kindergarten</kind><iin>{DemoUsers.Parent1.Iin}</iin><application>42</application>" +
            "<organisation>Детский сад \"Золотой Дракоша\" &amp; &lt;партнёры&gt;</organisation><organisationId>17</organisationId>" +
            "<issued>2026-11-25T05:00:00Z</issued></request>", xml);
    }

    [Fact]
    public async Task Verify_SignedBySignedInPerson_AcceptedOnceAndReturnsSignedXml()
    {
        await using var portal = keys.Portal();
        var (id, xml) = await Prepare(portal, DemoUsers.Parent1.Iin);
        var signed = NcaXmlSigner.Sign(xml, keys.SigningKey(DemoUsers.Parent1));

        var verified = await Verify(portal, id, signed, DemoUsers.Parent1.Iin);
        var again = await Assert.ThrowsAsync<SignatureRejectedException>(() => Verify(portal, id, signed, DemoUsers.Parent1.Iin));

        Assert.Equal((id, "choose-private-kindergarten", 42L, signed, DemoUsers.Parent1.Iin),
            (verified.Id, verified.Kind, verified.ApplicationId, verified.SignedXml, verified.Signer.Iin));
        Assert.Equal("request.used", again.Code);
        Assert.Equal("Бұл құжатқа бұрын қол қойылып, жіберілген. Қайта жіберудің қажеті жоқ.", again.Reason.Kk);
    }

    [Fact]
    public async Task Verify_SignedByAnotherIin_RejectedAndRequestStaysUnused()
    {
        await using var portal = keys.Portal();
        var (id, xml) = await Prepare(portal, DemoUsers.Parent1.Iin);

        var e = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            Verify(portal, id, NcaXmlSigner.Sign(xml, keys.SigningKey(DemoUsers.Parent2)), DemoUsers.Parent1.Iin));

        Assert.Equal("request.other-iin", e.Code);
        await AssertUnusedAsync(id);
    }

    [Fact]
    public async Task Verify_AuthenticationKeyUsedToSign_Rejected()
    {
        await using var portal = keys.Portal();
        var (id, xml) = await Prepare(portal, DemoUsers.Parent1.Iin);

        var e = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            Verify(portal, id, NcaXmlSigner.Sign(xml, keys.AuthKey(DemoUsers.Parent1)), DemoUsers.Parent1.Iin));

        Assert.Equal("eds.cert.auth-key-for-signing", e.Code);
        await AssertUnusedAsync(id);
    }

    [Fact]
    public async Task Verify_ContentOtherThanIssued_Rejected()
    {
        await using var portal = keys.Portal();
        var (id, xml) = await Prepare(portal, DemoUsers.Parent1.Iin);
        var changed = xml.Replace("<organisationId>17</organisationId>", "<organisationId>18</organisationId>", StringComparison.Ordinal);

        var e = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            Verify(portal, id, NcaXmlSigner.Sign(changed, keys.SigningKey(DemoUsers.Parent1)), DemoUsers.Parent1.Iin));

        Assert.Equal("request.content-changed", e.Code);
        await AssertUnusedAsync(id);
    }

    [Fact]
    public async Task Verify_UnknownRequestId_Rejected()
    {
        await using var portal = keys.Portal();
        var (_, xml) = await Prepare(portal, DemoUsers.Parent1.Iin);

        var e = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            Verify(portal, Guid.NewGuid(), NcaXmlSigner.Sign(xml, keys.SigningKey(DemoUsers.Parent1)), DemoUsers.Parent1.Iin));

        Assert.Equal("request.unknown", e.Code);
    }

    private static async Task<(Guid Id, string Xml)> Prepare(PortalFactory portal, string iin)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignedRequests>()
            .PrepareAsync(iin, "choose-private-kindergarten", 42, ChooseKindergarten);
    }

    private static async Task<VerifiedRequest> Verify(PortalFactory portal, Guid id, string signedXml, string iin)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignedRequests>().VerifyAsync(id, signedXml, iin);
    }

    private async Task AssertUnusedAsync(Guid id)
    {
        await using var db = keys.Database.CreateContext();
        Assert.Null((await db.Set<SignedRequest>().SingleAsync(r => r.Id == id)).UsedAt);
    }
}
