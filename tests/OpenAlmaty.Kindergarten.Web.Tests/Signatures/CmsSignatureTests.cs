using System.Security.Cryptography;
using System.Text;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// The real CMS vectors: attached with one RSA signer, attached and detached with GOST-2015 + RSA.
public sealed class CmsSignatureTests
{
    private static readonly byte[] Content = "test123"u8.ToArray();

    [Fact]
    public async Task OneSigner_AsOfMidLife_VerifiesWithContent()
    {
        var verifier = Verifiers.Cms(Verifiers.Options(EdsVectors.RsaAnchor));

        var verified = await verifier.VerifyAsync(EdsVectors.Bytes("signed/SIGNED_CMS_ONE_SIGNER.p7s"), null, KeyPurpose.Signing, EdsVectors.RsaMidLife);

        var signer = Assert.Single(verified.Signers);
        Assert.Equal("123456789011", signer.Iin);
        Assert.Equal("RSA-SHA256", signer.Algorithm);
        Assert.Equal(Content, verified.Content);
    }

    [Fact]
    public async Task OneSigner_AsPem_Verifies()
    {
        var der = EdsVectors.Bytes("signed/SIGNED_CMS_ONE_SIGNER.p7s");
        var pem = Encoding.ASCII.GetBytes(PemEncoding.WriteString("CMS", der));

        var verified = await Verifiers.Cms(Verifiers.Options(EdsVectors.RsaAnchor)).VerifyAsync(pem, null, KeyPurpose.Signing, EdsVectors.RsaMidLife);

        Assert.Single(verified.Signers);
    }

    [Fact]
    public async Task OneSigner_Today_RejectedAsExpired()
    {
        var verifier = Verifiers.Cms(Verifiers.Options(EdsVectors.RsaAnchor));

        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            verifier.VerifyAsync(EdsVectors.Bytes("signed/SIGNED_CMS_ONE_SIGNER.p7s"), null, KeyPurpose.Signing, DateTimeOffset.UtcNow));

        Assert.Equal("eds.cert.expired", rejection.Code);
    }

    [Fact]
    public void OneSigner_ContentByteChanged_RejectedAsContentChanged()
    {
        var tampered = ChangeContent(EdsVectors.Bytes("signed/SIGNED_CMS_ONE_SIGNER.p7s"));

        var rejection = Assert.Throws<SignatureRejectedException>(() => CmsMath.Verify(tampered, null));

        Assert.Equal("eds.signature.content-changed", rejection.Code);
    }

    [Fact]
    public void TwoSigners_GostAndRsa_BothVerifyMathematically()
    {
        var result = CmsMath.Verify(EdsVectors.Bytes("signed/SIGNED_CMS.p7s"), null);

        Assert.Equal([Gost2015.Name, "RSA-SHA256"], result.Signers.Select(s => s.Algorithm));
        Assert.Equal(Content, result.Content);
    }

    [Fact]
    public async Task TwoSigners_GostSignerAsOfItsMidLife_ValidatesAgainstGostAnchor()
    {
        var gost = CmsMath.Verify(EdsVectors.Bytes("signed/SIGNED_CMS.p7s"), null).Signers[0];

        var signer = await Verifiers.Certificates(Verifiers.Options(EdsVectors.GostAnchor))
            .ValidateAsync(gost.Certificate, gost.Algorithm, KeyPurpose.Signing, EdsVectors.GostMidLife);

        Assert.Equal("123456789012", signer.Iin);
    }

    [Fact]
    public void TwoSigners_ContentByteChanged_RejectedAsContentChanged()
    {
        var tampered = ChangeContent(EdsVectors.Bytes("signed/SIGNED_CMS.p7s"));

        var rejection = Assert.Throws<SignatureRejectedException>(() => CmsMath.Verify(tampered, null));

        Assert.Equal("eds.signature.content-changed", rejection.Code);
    }

    [Fact]
    public void Detached_ContentSupplied_BothSignersVerify()
    {
        var result = CmsMath.Verify(EdsVectors.Bytes("signed/SIGNED_DETACHED_CMS.p7s"), Content);

        Assert.Equal(2, result.Signers.Count);
        Assert.Equal(Content, result.Content);
    }

    [Fact]
    public void Detached_ChangedContentSupplied_RejectedAsContentChanged()
    {
        var rejection = Assert.Throws<SignatureRejectedException>(() =>
            CmsMath.Verify(EdsVectors.Bytes("signed/SIGNED_DETACHED_CMS.p7s"), "test124"u8.ToArray()));

        Assert.Equal("eds.signature.content-changed", rejection.Code);
    }

    [Fact]
    public async Task Detached_NoContentSupplied_RejectedAsNoContent()
    {
        var rejection = await Assert.ThrowsAsync<SignatureRejectedException>(() =>
            Verifiers.Cms(Verifiers.Options(EdsVectors.RsaAnchor)).VerifyAsync(EdsVectors.Bytes("signed/SIGNED_DETACHED_CMS.p7s"), null, KeyPurpose.Signing, EdsVectors.RsaMidLife));

        Assert.Equal("eds.cms.no-content", rejection.Code);
    }

    [Fact]
    public void TwoSigners_GostSignatureByteChanged_RejectedAsInvalid()
    {
        var bytes = EdsVectors.Bytes("signed/SIGNED_CMS.p7s");
        var signature = new Org.BouncyCastle.Cms.CmsSignedData(bytes).GetSignerInfos().GetSigners().First().GetSignature();
        var at = bytes.AsSpan().IndexOf(signature);
        Assert.True(at > 0);
        bytes[at + 10] ^= 0x01;

        var rejection = Assert.Throws<SignatureRejectedException>(() => CmsMath.Verify(bytes, null));

        Assert.Equal("eds.signature.invalid", rejection.Code);
    }

    [Fact]
    public void Garbage_RejectedAsMalformed()
    {
        var rejection = Assert.Throws<SignatureRejectedException>(() => CmsMath.Verify([0x30, 0x03, 0x02, 0x01, 0x00], null));

        Assert.Equal("eds.cms.malformed", rejection.Code);
    }

    private static byte[] ChangeContent(byte[] der)
    {
        var copy = (byte[])der.Clone();
        var at = copy.AsSpan().IndexOf(Content);
        Assert.True(at > 0);
        copy[at + 6] = (byte)'4';
        return copy;
    }
}
