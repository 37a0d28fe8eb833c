using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;
using OpenAlmaty.Kindergarten.Web.Signatures;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// NCA RK's own test CRLs (eds-vectors/crl): parsed, their signatures verified with the CA's key
/// (RSA, and GOST R 34.10-2015 through Gost2015), looked up as of a moment inside their validity.
public sealed class NcaCrlTests
{
    private static readonly DateTimeOffset RsaCrlMidLife = new(2022, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset GostCrlMidLife = new(2022, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static X509Crl Crl(string file) => new X509CrlParser().ReadCrl(EdsVectors.Bytes("crl/" + file));

    [Fact]
    public void RsaCrl_AsOfMidLife_SignedByNcaRsaTestCaWith126Serials()
    {
        var crl = Crl("nca_rsa_test.crl");

        Assert.True(CrlClient.IsCurrentListOf(crl, EdsVectors.Certificate("ca/nca_rsa_test.crt"), RsaCrlMidLife));
        Assert.Equal(126, crl.GetRevokedCertificates().Count);
    }

    [Fact]
    public void RsaCrl_IndividualsSigningCertificate_NotListedSoGood()
    {
        var certificate = EdsVectors.Certificate("certs/individual_valid_sign_2004_rsa.cer");

        var answer = CrlClient.Read(Crl("nca_rsa_test.crl"), new BcCertificate(certificate.RawData).SerialNumber,
            EdsVectors.Certificate("ca/nca_rsa_test.crt"), RsaCrlMidLife);

        Assert.Equal(RevocationStatus.Good, answer!.Status);
    }

    [Fact]
    public void RsaCrl_ListedSerial_RevokedWithItsDate()
    {
        var crl = Crl("nca_rsa_test.crl");
        var entry = crl.GetRevokedCertificates().First();

        var answer = CrlClient.Read(crl, entry.SerialNumber, EdsVectors.Certificate("ca/nca_rsa_test.crt"), RsaCrlMidLife);

        Assert.Equal(RevocationStatus.Revoked, answer!.Status);
        Assert.Equal(entry.RevocationDate, answer.RevokedAt!.Value.UtcDateTime);
    }

    [Fact]
    public void RsaCrl_AfterNextUpdate_NotCurrent() =>
        Assert.False(CrlClient.IsCurrentListOf(Crl("nca_rsa_test.crl"), EdsVectors.Certificate("ca/nca_rsa_test.crt"), new DateTimeOffset(2022, 10, 1, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void RsaCrl_AgainstGostCa_NotItsList() =>
        Assert.False(CrlClient.IsCurrentListOf(Crl("nca_rsa_test.crl"), EdsVectors.Certificate("ca/nca_gost2015_test.cer"), RsaCrlMidLife));

    [Fact]
    public void Gost2015Crl_AsOfMidLife_SignedByNcaGost2022TestCaWith6Serials()
    {
        var crl = Crl("nca_gost2022_test.crl");

        Assert.Equal(Gost2015.SignatureOid, crl.SigAlgOid);
        Assert.True(CrlClient.IsCurrentListOf(crl, EdsVectors.Certificate("ca/nca_gost2015_test.cer"), GostCrlMidLife));
        Assert.Equal(6, crl.GetRevokedCertificates().Count);
    }

    [Fact]
    public void Gost2015Crl_OneSignatureByteChanged_NotAccepted()
    {
        var bytes = EdsVectors.Bytes("crl/nca_gost2022_test.crl");
        bytes[^5] ^= 0x01;

        Assert.False(CrlClient.IsCurrentListOf(new X509CrlParser().ReadCrl(bytes), EdsVectors.Certificate("ca/nca_gost2015_test.cer"), GostCrlMidLife));
    }

    [Fact]
    public void Gost2015Crl_ListedSerial_RevokedWithReasonCode()
    {
        var crl = Crl("nca_gost2022_test.crl");
        var entry = crl.GetRevokedCertificates().First();

        var answer = CrlClient.Read(crl, entry.SerialNumber, EdsVectors.Certificate("ca/nca_gost2015_test.cer"), GostCrlMidLife);

        Assert.Equal(RevocationStatus.Revoked, answer!.Status);
        Assert.NotNull(answer.Reason);
    }
}
