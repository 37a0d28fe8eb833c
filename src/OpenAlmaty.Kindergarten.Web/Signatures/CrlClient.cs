using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Downloads the CRL named in the certificate's CRL distribution points (NCA: crl.pki.gov.kz)
/// and looks the certificate up in it. Delta CRLs are not read.
public sealed class CrlClient(IHttpClientFactory httpClients, IOptions<EdsOptions> options, TimeProvider time, ILogger<CrlClient> logger) : IRevocationSource
{
    public string Name => "crl";

    public RevocationStatus? Ask(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        foreach (var url in DistributionPoints(certificate))
        {
            try
            {
                using var client = httpClients.CreateClient(OcspClient.HttpClientName);
                client.Timeout = options.Value.RevocationTimeout;
                using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, url));
                if (!response.IsSuccessStatusCode) continue;
                using var body = new MemoryStream();
                response.Content.ReadAsStream().CopyTo(body);
                if (Read(new X509CrlParser().ReadCrl(body.ToArray()), certificate, issuer, time.GetUtcNow()) is { } status)
                    return status;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or CrlException)
            {
                logger.LogWarning(e, "CRL {Url} could not be read", url);
            }
        }
        return null;
    }

    internal static RevocationStatus? Read(X509Crl? crl, X509Certificate2 certificate, X509Certificate2 issuer, DateTimeOffset now)
    {
        if (crl is null || crl.IssuerDN.ToString() != new BcCertificate(issuer.RawData).SubjectDN.ToString()) return null;
        if (!TrustAnchors.IsSignedBy(issuer, crl.SigAlgOid, crl.GetTbsCertList(), crl.GetSignature())) return null;
        if (crl.NextUpdate is { } next && next < now.UtcDateTime) return null;
        return crl.IsRevoked(new BcCertificate(certificate.RawData)) ? RevocationStatus.Revoked : RevocationStatus.Good;
    }

    private static IEnumerable<string> DistributionPoints(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions["2.5.29.31"];
        if (extension is null) return [];
        return CrlDistPoint.GetInstance(Asn1Object.FromByteArray(extension.RawData)).GetDistributionPoints()
            .Select(p => p.DistributionPointName)
            .Where(n => n is { Type: DistributionPointName.FullName })
            .SelectMany(n => GeneralNames.GetInstance(n.Name).GetNames())
            .Where(g => g.TagNo == GeneralName.UniformResourceIdentifier)
            .Select(g => DerIA5String.GetInstance(g.Name).GetString())
            .ToList();
    }
}
