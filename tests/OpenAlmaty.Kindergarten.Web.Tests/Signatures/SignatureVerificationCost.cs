using System.Diagnostics;
using OpenAlmaty.Kindergarten.Web.Signatures;
using Xunit.Abstractions;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// The measured cost of verifying one sign-in signature (parse, shape, digest, signature,
/// issuer signature, validity, key usage, IIN; revocation off). Not a timing assertion: the
/// figures go to the test output, and only success of every verification is asserted.
public sealed class SignatureVerificationCost(ITestOutputHelper output)
{
    private const int WarmUp = 50;
    // A few in the test command (it checks that repeated verification succeeds); bench/run.sh sets
    // OA_SIGNATURE_COST_ITERATIONS=1000 on a quiet machine for the measured figure.
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("OA_SIGNATURE_COST_ITERATIONS"), out var n) && n > 0 ? n : 20;

    [Fact]
    public async Task RsaSignIn_ThousandVerifications_AllSucceedAndMeanIsReported()
    {
        using var pki = new TestPki();
        using var key = pki.Authentication();
        var xml = NcaXmlSigner.SignLogin(key);
        var verifier = Verifiers.Xml(pki.Ca);

        var (succeeded, mean) = await MeasureAsync(async () => await verifier.VerifyAsync(xml, KeyPurpose.Authentication, TestPki.Now));

        output.WriteLine($"RSA-2048 XMLDSig sign-in Verify: {mean:F0} µs mean over {Iterations}");
        Assert.Equal(Iterations, succeeded);
    }

    [Fact]
    public async Task GostSignIn_ThousandVerifications_AllSucceedAndMeanIsReported()
    {
        var pki = new GostTestPki();
        var xml = pki.Sign(NcaXmlSigner.Login());
        var verifier = Verifiers.Xml(pki.Ca);

        var (succeeded, mean) = await MeasureAsync(async () => await verifier.VerifyAsync(xml, KeyPurpose.Authentication, TestPki.Now));

        output.WriteLine($"GOST-2015-512 XMLDSig sign-in Verify: {mean:F0} µs mean over {Iterations}");
        Assert.Equal(Iterations, succeeded);
    }

    [Fact]
    public async Task RealVectors_ThousandVerifications_AllSucceedAndMeanIsReported()
    {
        var rsa = Verifiers.Xml(Verifiers.Options(EdsVectors.RsaAnchor));
        var rsaXml = EdsVectors.RsaSignedXml;
        var (rsaOk, rsaMean) = await MeasureAsync(async () => await rsa.VerifyAsync(rsaXml, KeyPurpose.Signing, EdsVectors.RsaMidLife));

        var gostXml = EdsVectors.TwoSignersXml;
        var gostCertificates = Verifiers.Certificates(Verifiers.Options(EdsVectors.GostAnchor));
        var (gostOk, gostMean) = await MeasureAsync(async () =>
        {
            var result = XmlDsigMath.Verify(XmlDsigMath.Parse(gostXml), 1);
            return await gostCertificates.ValidateAsync(result.Profile.Certificate, Gost2015.Name, KeyPurpose.Signing, EdsVectors.GostMidLife);
        });

        output.WriteLine($"NCA vector rsa_signed.xml (RSA-2048, full Verify): {rsaMean:F0} µs mean");
        output.WriteLine($"NCA vector two_signers GOST signature (parse + math + certificate): {gostMean:F0} µs mean");
        Assert.Equal(Iterations, rsaOk);
        Assert.Equal(Iterations, gostOk);
    }

    private static async Task<(int Succeeded, double MeanMicroseconds)> MeasureAsync<T>(Func<Task<T>> verify)
    {
        for (var i = 0; i < WarmUp; i++) await verify();
        var succeeded = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Iterations; i++)
        {
            if (await verify() is not null) succeeded++;
        }
        clock.Stop();
        return (succeeded, clock.Elapsed.TotalMicroseconds / Iterations);
    }
}
