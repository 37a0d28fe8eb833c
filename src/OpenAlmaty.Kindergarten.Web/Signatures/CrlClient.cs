using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Downloads the CRL named in the certificate's CRL distribution points (NCA: crl.pki.gov.kz)
/// and looks the certificate up in it. A CRL that verified is kept per URL until its
/// nextUpdate, so that one download serves every certificate it lists. Delta CRLs are not read.
public sealed class CrlClient(IHttpClientFactory httpClients, TimeProvider time, ILogger<CrlClient> logger) : IRevocationSource
{
    private readonly ConcurrentDictionary<string, X509Crl> lists = new();

    public string Name => "crl";

    public async Task<RevocationAnswer?> AskAsync(X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken ct)
    {
        var serial = new BcCertificate(certificate.RawData).SerialNumber;
        foreach (var url in DistributionPoints(certificate))
        {
            var now = time.GetUtcNow();
            if (lists.TryGetValue(url, out var kept) && Read(kept, serial, issuer, now) is { } keptAnswer) return keptAnswer;
            try
            {
                using var client = httpClients.CreateClient(OcspClient.HttpClientName);
                using var response = await client.GetAsync(url, ct);
                if (!response.IsSuccessStatusCode) continue;
                var crl = new X509CrlParser().ReadCrl(await response.Content.ReadAsByteArrayAsync(ct));
                if (Read(crl, serial, issuer, now) is not { } answer)
                {
                    logger.LogWarning("CRL {Url} is not the issuer's, not signed by it, or out of date", url);
                    continue;
                }
                lists[url] = crl;
                return answer;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or CrlException or ArgumentException)
            {
                logger.LogWarning(e, "CRL {Url} could not be read", url);
            }
        }
        return null;
    }

    /// The answer for <paramref name="serial"/> from a CRL of <paramref name="issuer"/>, signed by
    /// it and current at <paramref name="now"/>; null otherwise.
    internal static RevocationAnswer? Read(X509Crl? crl, BigInteger serial, X509Certificate2 issuer, DateTimeOffset now)
    {
        if (!IsCurrentListOf(crl, issuer, now)) return null;
        DateTimeOffset? next = crl!.NextUpdate is { } n ? new DateTimeOffset(DateTime.SpecifyKind(n, DateTimeKind.Utc)) : null;
        var entry = crl.GetRevokedCertificate(serial);
        if (entry is null) return new RevocationAnswer(RevocationStatus.Good, next);
        return new RevocationAnswer(RevocationStatus.Revoked, next,
            new DateTimeOffset(DateTime.SpecifyKind(entry.RevocationDate, DateTimeKind.Utc)), ReasonOf(entry));
    }

    /// Issued by <paramref name="issuer"/>'s name, signed by its key (RSA or GOST-2015), and
    /// thisUpdate ≤ <paramref name="now"/> ≤ nextUpdate.
    internal static bool IsCurrentListOf(X509Crl? crl, X509Certificate2 issuer, DateTimeOffset now)
    {
        if (crl is null || !crl.IssuerDN.Equivalent(new BcCertificate(issuer.RawData).SubjectDN)) return false;
        if (!TrustAnchors.IsSignedBy(issuer, crl.SigAlgOid, crl.GetTbsCertList(), crl.GetSignature())) return false;
        if (crl.ThisUpdate > now.UtcDateTime) return false;
        return crl.NextUpdate is not { } next || next >= now.UtcDateTime;
    }

    private static int? ReasonOf(X509CrlEntry entry)
    {
        var value = entry.GetExtensionValue(X509Extensions.ReasonCode);
        return value is null ? null : DerEnumerated.GetInstance(Asn1Object.FromByteArray(value.GetOctets())).IntValueExact;
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
