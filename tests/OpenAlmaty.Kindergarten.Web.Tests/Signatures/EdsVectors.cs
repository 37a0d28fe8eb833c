using System.Security.Cryptography.X509Certificates;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// The real NCA RK test vectors in ../shared/eds-vectors (read-only, outside the repository),
/// found by walking up from the test binaries; EDS_VECTORS overrides the place.
internal static class EdsVectors
{
    public static readonly DateTimeOffset RsaMidLife = new(2021, 6, 1, 0, 0, 0, TimeSpan.FromHours(6));
    public static readonly DateTimeOffset GostMidLife = new(2023, 1, 10, 0, 0, 0, TimeSpan.FromHours(6));

    public static string Root { get; } = Locate();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));

    public static X509Certificate2 Certificate(string relative) => X509CertificateLoader.LoadCertificateFromFile(Path(relative));

    public static string RsaSignedXml => Text("signed/rsa_signed.xml");

    public static string TwoSignersXml => Text("signed/two_signers_rsa_gost2015.xml");

    public static string RsaAnchor => Path("ca/nca_rsa_test.crt");

    public static string GostAnchor => Path("ca/nca_gost2015_test.cer");

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("EDS_VECTORS") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "eds-vectors");
            if (File.Exists(System.IO.Path.Combine(candidate, "signed", "rsa_signed.xml"))) return candidate;
        }
        throw new DirectoryNotFoundException("shared/eds-vectors not found above the test binaries; set EDS_VECTORS.");
    }
}
