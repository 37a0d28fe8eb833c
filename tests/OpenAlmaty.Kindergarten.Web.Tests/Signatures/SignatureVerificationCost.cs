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
    // Each needs a key and a certificate made first; 300 give a steady mean.
    private static readonly int FirstTimeSigners = Math.Min(Iterations, 300);

    [Fact]
    public void RsaSignIn_ThousandVerifications_AllSucceedAndMeanIsReported()
    {
        using var pki = new TestPki();
        using var key = pki.Authentication();
        // A new nonce each time, as each sign-in has: the verifier remembers a document it checked.
        var documents = Documents(i => NcaXmlSigner.Sign(NcaXmlSigner.Login($"n{i}"), key));
        var verifier = Verifiers.Xml(pki.Ca);

        var next = 0;
        var (succeeded, mean) = Measure(() => verifier.VerifyAsync(documents[next++], KeyPurpose.Authentication, TestPki.Now).GetAwaiter().GetResult());

        output.WriteLine($"RSA-2048 XMLDSig sign-in Verify: {mean:F0} µs mean over {Iterations}");
        Assert.Equal(Iterations, succeeded);
    }

    /// A signer seen before: the certificate's link to the CA is remembered (TrustAnchors); a
    /// first-time signer: each verification is by a key never seen, its certificate from the same
    /// (pinned) CA, so the CA's signature on it is checked too.
    [Fact]
    public void GostSignIn_SeenBeforeAndFirstTime_AllSucceedAndMeansAreReported()
    {
        var pki = new GostTestPki();
        var verifier = Verifiers.Xml(pki.Ca);
        var documents = Documents(i => pki.Sign(NcaXmlSigner.Login($"n{i}")));
        var fresh = Enumerable.Range(0, FirstTimeSigners).Select(_ => pki.NewSigner())
            .Select(s => GostTestPki.Sign(NcaXmlSigner.Login(), s.Certificate, s.Sign)).ToList();

        var seen = 0;
        var (seenOk, seenMean) = Measure(() => verifier.VerifyAsync(documents[seen++], KeyPurpose.Authentication, TestPki.Now).GetAwaiter().GetResult());
        var next = 0;
        var (freshOk, freshMean) = MeasureOnce(fresh.Count, () => verifier.VerifyAsync(fresh[next++], KeyPurpose.Authentication, TestPki.Now).GetAwaiter().GetResult());

        output.WriteLine($"GOST-2015-512 XMLDSig sign-in Verify, signer seen before: {seenMean:F0} µs mean over {Iterations}");
        output.WriteLine($"GOST-2015-512 XMLDSig sign-in Verify, first-time signer: {freshMean:F0} µs mean over {fresh.Count}");
        Assert.Equal(Iterations, seenOk);
        Assert.Equal(fresh.Count, freshOk);
    }

    /// The signature and the certificate chain (issuer signature, validity, key usage, IIN) without
    /// the XML around them: the 256-bit key next to the 512-bit one (NCALayer's XML is 512-bit).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GostSignatureAndChain_SeenBeforeAndFirstTime_AllSucceedAndMeansAreReported(bool bits256)
    {
        var pki = new GostTestPki(bits256);
        var certificates = Verifiers.Certificates(Verifiers.Options(), "Testing", pki.Ca);
        var data = System.Text.Encoding.UTF8.GetBytes(NcaXmlSigner.Login());
        var signature = pki.SignData(data);
        var fresh = Enumerable.Range(0, FirstTimeSigners).Select(_ => pki.NewSigner()).Select(s => (s.Certificate, Signature: s.Sign(data))).ToList();
        object Check(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, byte[] value) =>
            Gost2015.Verify(certificate, data, value)
                ? certificates.ValidateAsync(certificate, Gost2015.Name, KeyPurpose.Authentication, TestPki.Now).GetAwaiter().GetResult()
                : null!;

        var (seenOk, seenMean) = Measure(() => Check(pki.Authentication, signature));
        var next = 0;
        var (freshOk, freshMean) = MeasureOnce(fresh.Count, () => Check(fresh[next].Certificate, fresh[next++].Signature));

        var name = bits256 ? "GOST-2015-256" : "GOST-2015-512";
        output.WriteLine($"{name} signature + certificate chain, signer seen before: {seenMean:F0} µs mean over {Iterations}");
        output.WriteLine($"{name} signature + certificate chain, first-time signer: {freshMean:F0} µs mean over {fresh.Count}");
        Assert.Equal(Iterations, seenOk);
        Assert.Equal(fresh.Count, freshOk);
    }

    [Fact]
    public void RealVectors_ThousandVerifications_AllSucceedAndMeanIsReported()
    {
        var rsa = Verifiers.Xml(Verifiers.Options(EdsVectors.RsaAnchor));
        var rsaXml = EdsVectors.RsaSignedXml;
        var (rsaOk, rsaMean) = Measure(() => rsa.VerifyAsync(rsaXml, KeyPurpose.Signing, EdsVectors.RsaMidLife).GetAwaiter().GetResult());

        var gostXml = EdsVectors.TwoSignersXml;
        var gostCertificates = Verifiers.Certificates(Verifiers.Options(EdsVectors.GostAnchor));
        var (gostOk, gostMean) = Measure(() =>
        {
            var result = XmlDsigMath.Verify(XmlDsigMath.Parse(gostXml), 1);
            return gostCertificates.ValidateAsync(result.Profile.Certificate, Gost2015.Name, KeyPurpose.Signing, EdsVectors.GostMidLife).GetAwaiter().GetResult();
        });

        output.WriteLine($"NCA vector rsa_signed.xml (RSA-2048, full Verify of the same document again: its mathematics remembered): {rsaMean:F0} µs mean");
        output.WriteLine($"NCA vector two_signers GOST signature (parse + math + certificate): {gostMean:F0} µs mean");
        Assert.Equal(Iterations, rsaOk);
        Assert.Equal(Iterations, gostOk);
    }

    /// The ways a GOST signature can be checked, measured side by side (decision 0014): OpenSSL's
    /// point arithmetic (what the portal uses, nothing kept per key), BouncyCastle, and the ECDSA
    /// form with its key object created or kept.
    [Theory]
    [InlineData("Tc26-Gost-3410-12-256-paramSetA")]
    [InlineData("Tc26-Gost-3410-12-512-paramSetA")]
    public void GostMathPaths_EachWay_AllSucceedAndMeanIsReported(string name)
    {
        var curve = GostCurve.All.Single(c => c.Name == name);
        var (publicKey, hash, signature) = GostTestKeys.SignedRandomDigest(curve);
        using var cached = GostReferenceChecks.CreateKey(curve, publicKey)!;

        var (bcOk, bcMean) = Measure(() => GostReferenceChecks.VerifyBouncyCastle(curve, publicKey, hash, signature) ? "ok" : null!);
        var (createOk, createMean) = Measure(() =>
        {
            using var fresh = GostReferenceChecks.CreateKey(curve, publicKey)!;
            return GostReferenceChecks.VerifyEcdsa(curve, fresh, hash, signature) ? "ok" : null!;
        });
        var (cachedOk, cachedMean) = Measure(() => GostReferenceChecks.VerifyEcdsa(curve, cached, hash, signature) ? "ok" : null!);
        var (openSslOk, openSslMean) = Measure(() => GostVerification.Verify(curve, publicKey, hash, signature) ? "ok" : null!);

        output.WriteLine($"{name} math only: OpenSSL points (the portal's way, nothing kept per key) {openSslMean:F0} µs mean; BouncyCastle key decoded each time {bcMean:F0} µs mean; ECDsa created + check {createMean:F0} µs mean; ECDsa kept {cachedMean:F0} µs mean; over {Iterations}");
        Assert.Equal(4 * Iterations, bcOk + createOk + cachedOk + openSslOk);
    }

    // Each first-time signer is used once, so there is no warm-up on them.
    private static (int Succeeded, double MeanMicroseconds) MeasureOnce(int count, Func<object> verify)
    {
        var succeeded = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if (verify() is not null) succeeded++;
        }
        clock.Stop();
        return (succeeded, clock.Elapsed.TotalMicroseconds / count);
    }

    /// One document for each warm-up and measured verification.
    private static List<string> Documents(Func<int, string> sign) => [.. Enumerable.Range(0, WarmUp + Iterations).Select(sign)];

    private static (int Succeeded, double MeanMicroseconds) Measure(Func<object> verify)
    {
        for (var i = 0; i < WarmUp; i++) verify();
        var succeeded = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Iterations; i++)
        {
            if (verify() is not null) succeeded++;
        }
        clock.Stop();
        return (succeeded, clock.Elapsed.TotalMicroseconds / Iterations);
    }
}
