using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

public sealed class SignatureRegistrationTests
{
    [Fact]
    public void AddSignatureVerification_EdsSection_BindsOptionsAndVerifiesVector()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Eds:TrustAnchors:0"] = EdsVectors.RsaAnchor,
            ["Eds:TrustAnchors:1"] = EdsVectors.GostAnchor,
            ["Eds:AllowTestIins"] = "true",
            ["Eds:Revocation"] = "Off",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new Verifiers.Environment("Development"))
            .AddSignatureVerification(configuration);
        using var provider = services.BuildServiceProvider(validateScopes: true);

        var verified = provider.GetRequiredService<IXmlSignatureVerifier>().Verify(EdsVectors.RsaSignedXml, KeyPurpose.Signing, EdsVectors.RsaMidLife);

        Assert.Equal(2, provider.GetRequiredService<TrustAnchors>().Certificates.Count);
        Assert.Equal("123456789011", verified.Signer.Iin);
        Assert.NotNull(provider.GetRequiredService<CmsSignatureVerifier>());
    }

    [Fact]
    public void AddSignatureVerification_RevocationSetting_ParsedAsMode()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Eds:Revocation"] = "OcspThenCrl",
        }).Build();
        using var provider = new ServiceCollection().AddSignatureVerification(configuration).BuildServiceProvider();

        Assert.Equal(RevocationMode.OcspThenCrl, provider.GetRequiredService<IOptions<EdsOptions>>().Value.Revocation);
        Assert.Equal(RevocationMode.Off, new EdsOptions().Revocation);
    }
}
