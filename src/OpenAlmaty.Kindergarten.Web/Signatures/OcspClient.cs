using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Asks the OCSP responder named in the certificate's AIA (NCA: http://ocsp.pki.gov.kz/).
public sealed class OcspClient(IHttpClientFactory httpClients, TimeProvider time, ILogger<OcspClient> logger) : IRevocationSource
{
    public const string HttpClientName = "eds-revocation";
    private const string OcspMethodOid = "1.3.6.1.5.5.7.48.1";

    // A responder's clock may run a little ahead of ours.
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public string Name => "ocsp";

    public async Task<RevocationAnswer?> AskAsync(X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken ct)
    {
        var url = ResponderUrl(certificate);
        if (url is null) return null;
        try
        {
            var id = new CertificateID(CertificateID.DigestSha1, new BcCertificate(issuer.RawData),
                new BcCertificate(certificate.RawData).SerialNumber);
            var nonce = new DerOctetString(SecureRandom.GetNextBytes(new SecureRandom(), 16));
            var generator = new OcspReqGenerator();
            generator.AddRequest(id);
            generator.SetRequestExtensions(new X509Extensions(new Dictionary<DerObjectIdentifier, Org.BouncyCastle.Asn1.X509.X509Extension>
            {
                [OcspObjectIdentifiers.PkixOcspNonce] = new(false, new DerOctetString(nonce.GetEncoded())),
            }));
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new ByteArrayContent(generator.Generate().GetEncoded()),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ocsp-request");
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) return null;
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var answer = Read(new OcspResp(body), id, issuer, time.GetUtcNow(), nonce);
            if (answer is null) logger.LogWarning("OCSP {Url} gave no usable answer", url);
            return answer;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OcspException or ArgumentException)
        {
            logger.LogWarning(e, "OCSP {Url} gave no answer", url);
            return null;
        }
    }

    /// The answer for <paramref name="id"/> from a response the issuer (or its delegate) signed,
    /// current at <paramref name="now"/> and, when the responder echoes one, with our nonce.
    internal static RevocationAnswer? Read(OcspResp response, CertificateID id, X509Certificate2 issuer, DateTimeOffset now,
        Asn1OctetString? nonce = null)
    {
        if (response.Status != OcspRespStatus.Successful || response.GetResponseObject() is not BasicOcspResp basic) return null;
        if (!IsSignedByIssuerOrDelegate(basic, issuer)) return null;
        if (nonce is not null && basic.GetExtensionValue(OcspObjectIdentifiers.PkixOcspNonce) is { } echoed
            && !echoed.GetOctets().AsSpan().SequenceEqual(nonce.GetEncoded())) return null;
        var answer = basic.Responses.FirstOrDefault(r => r.GetCertID().Equals(id));
        if (answer is null) return null;
        var moment = now.UtcDateTime;
        if (answer.ThisUpdate > moment + Skew) return null;
        DateTimeOffset? next = answer.NextUpdate is { } n ? new DateTimeOffset(DateTime.SpecifyKind(n, DateTimeKind.Utc)) : null;
        if (next is { } stale && stale < now) return null;
        return answer.GetCertStatus() switch
        {
            null => new RevocationAnswer(RevocationStatus.Good, next),
            RevokedStatus revoked => new RevocationAnswer(RevocationStatus.Revoked, next,
                new DateTimeOffset(DateTime.SpecifyKind(revoked.RevocationTime, DateTimeKind.Utc)),
                revoked.HasRevocationReason ? revoked.RevocationReason : null),
            UnknownStatus => new RevocationAnswer(RevocationStatus.Unknown, next),
            _ => null,
        };
    }

    // The response is signed by the CA itself or by a responder certificate the CA issued.
    private static bool IsSignedByIssuerOrDelegate(BasicOcspResp basic, X509Certificate2 issuer)
    {
        var algorithm = BasicOcspResponse.GetInstance(basic.GetEncoded()).SignatureAlgorithm.Algorithm.Id;
        var delegates = basic.GetCerts()
            .Select(c => X509CertificateLoader.LoadCertificate(c.GetEncoded()))
            .Where(c => TrustAnchors.IsSignedBy(c, issuer));
        return delegates.Prepend(issuer).Any(signer =>
            TrustAnchors.IsSignedBy(signer, algorithm, basic.GetTbsResponseData(), basic.GetSignature()));
    }

    private static string? ResponderUrl(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions["1.3.6.1.5.5.7.1.1"];
        if (extension is null) return null;
        var access = AuthorityInformationAccess.GetInstance(Asn1Object.FromByteArray(extension.RawData));
        return access.GetAccessDescriptions()
            .Where(d => d.AccessMethod.Id == OcspMethodOid && d.AccessLocation.TagNo == GeneralName.UniformResourceIdentifier)
            .Select(d => DerIA5String.GetInstance(d.AccessLocation.Name).GetString())
            .FirstOrDefault();
    }
}
