using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

public sealed class SignatureRegistrationTests
{
    [Fact]
    public async Task AddSignatureVerification_EdsSection_BindsOptionsAndVerifiesVector()
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

        var verified = await provider.GetRequiredService<IXmlSignatureVerifier>().VerifyAsync(EdsVectors.RsaSignedXml, KeyPurpose.Signing, EdsVectors.RsaMidLife);

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
        using var provider = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new Verifiers.Environment("Production"))
            .AddSignatureVerification(configuration).BuildServiceProvider();

        Assert.Equal(RevocationMode.OcspThenCrl, provider.GetRequiredService<IOptions<EdsOptions>>().Value.Revocation);
        Assert.Equal(RevocationMode.Off, new EdsOptions().Revocation);
    }

    [Theory]
    [InlineData("Production", "Off", true)]
    [InlineData("Production", "Ocsp", false)]
    [InlineData("Production", "OcspThenCrl", false)]
    [InlineData("Development", "Off", false)]
    [InlineData("Testing", "Off", false)]
    public void AddSignatureVerification_RevocationOffInProduction_RefusedWithReason(string environment, string mode, bool refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Eds:Revocation"] = mode,
        }).Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new Verifiers.Environment(environment))
            .AddSignatureVerification(configuration).BuildServiceProvider();

        var failure = Record.Exception(() => provider.GetRequiredService<IOptions<EdsOptions>>().Value);

        Assert.Equal(refused, failure is OptionsValidationException);
        if (refused) Assert.Contains("Eds:Revocation is Off", failure!.Message, StringComparison.Ordinal);
    }
}
