using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Asks the OCSP responder named in the certificate's AIA (NCA: http://ocsp.pki.gov.kz/).
public sealed class OcspClient(IHttpClientFactory httpClients, IOptions<EdsOptions> options, ILogger<OcspClient> logger) : IRevocationSource
{
    public const string HttpClientName = "eds-revocation";
    private const string OcspMethodOid = "1.3.6.1.5.5.7.48.1";

    public string Name => "ocsp";

    public RevocationStatus? Ask(X509Certificate2 certificate, X509Certificate2 issuer)
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
            client.Timeout = options.Value.RevocationTimeout;
            using var response = client.Send(request);
            if (!response.IsSuccessStatusCode) return null;
            using var body = new MemoryStream();
            response.Content.ReadAsStream().CopyTo(body);
            return Read(new OcspResp(body.ToArray()), id, issuer);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or OcspException)
        {
            logger.LogWarning(e, "OCSP {Url} gave no answer", url);
            return null;
        }
    }

    internal static RevocationStatus? Read(OcspResp response, CertificateID id, X509Certificate2 issuer)
    {
        if (response.Status != OcspRespStatus.Successful || response.GetResponseObject() is not BasicOcspResp basic) return null;
        if (!IsSignedByIssuerOrDelegate(basic, issuer)) return null;
        var answer = basic.Responses.FirstOrDefault(r => r.GetCertID().Equals(id));
        return answer?.GetCertStatus() switch
        {
            null when answer is not null => RevocationStatus.Good,
            RevokedStatus => RevocationStatus.Revoked,
            UnknownStatus => RevocationStatus.Unknown,
            _ => null,
        };
    }

    // The response is signed by the CA itself or by a responder certificate the CA issued.
    private static bool IsSignedByIssuerOrDelegate(BasicOcspResp basic, X509Certificate2 issuer)
    {
        var delegates = basic.GetCerts()
            .Select(c => X509CertificateLoader.LoadCertificate(c.GetEncoded()))
            .Where(c => TrustAnchors.IsSignedBy(c, issuer));
        return delegates.Prepend(issuer).Any(signer =>
            TrustAnchors.IsSignedBy(signer, BasicOcspResponse.GetInstance(basic.GetEncoded()).SignatureAlgorithm.Algorithm.Id, basic.GetTbsResponseData(), basic.GetSignature()));
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
