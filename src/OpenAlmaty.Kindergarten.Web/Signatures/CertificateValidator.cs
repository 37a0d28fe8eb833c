using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Checks a signer's certificate for a purpose at a moment: issued by a pinned anchor, valid,
/// the right kind of key, an IIN, not revoked. Throws <see cref="SignatureRejectedException"/>.
public sealed class CertificateValidator(
    TrustAnchors anchors,
    IRevocationChecker revocation,
    IOptions<EdsOptions> options,
    IHostEnvironment environment)
{
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private const string EmailProtection = "1.3.6.1.5.5.7.3.4";

    public async Task<SignerInfo> ValidateAsync(X509Certificate2 certificate, string algorithm, KeyPurpose purpose, DateTimeOffset at,
        CancellationToken ct = default)
    {
        var issuer = anchors.IssuerOf(certificate) ?? throw SignatureRejections.Untrusted();
        var moment = at.UtcDateTime;
        if (moment > certificate.NotAfter.ToUniversalTime()) throw SignatureRejections.Expired(certificate.NotAfter.ToUniversalTime());
        if (moment < certificate.NotBefore.ToUniversalTime()) throw SignatureRejections.NotYetValid(certificate.NotBefore.ToUniversalTime());
        if (moment > issuer.NotAfter.ToUniversalTime() || moment < issuer.NotBefore.ToUniversalTime()) throw SignatureRejections.AnchorExpired();
        CheckPurpose(certificate, purpose);
        var subject = NcaSubject.Read(certificate);
        var iin = CheckIin(subject.Iin);
        // Revocation answers about now (the sources know no other moment); "at" is for the rest.
        var revocationCheck = await revocation.CheckAsync(certificate, issuer, purpose, ct);
        return new SignerInfo(iin, subject.Bin, subject.CommonName, subject.Surname, subject.GivenName,
            subject.Patronymic, algorithm, certificate, revocationCheck);
    }

    /// NCA tells key kinds apart by key usage and EKU: authentication keys have digitalSignature
    /// and clientAuth, signing keys nonRepudiation and emailProtection.
    internal static void CheckPurpose(X509Certificate2 certificate, KeyPurpose purpose)
    {
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().SingleOrDefault()?.KeyUsages ?? X509KeyUsageFlags.None;
        var purposes = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .SelectMany(e => e.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>())
            .Select(oid => oid.Value).ToHashSet();
        var isAuthentication = usage.HasFlag(X509KeyUsageFlags.DigitalSignature) && purposes.Contains(ClientAuth);
        var isSigning = usage.HasFlag(X509KeyUsageFlags.NonRepudiation) && purposes.Contains(EmailProtection);
        switch (purpose)
        {
            case KeyPurpose.Authentication when isAuthentication:
            case KeyPurpose.Signing when isSigning:
                return;
            case KeyPurpose.Authentication when isSigning:
                throw SignatureRejections.SigningKeyForSignIn();
            case KeyPurpose.Signing when isAuthentication:
                throw SignatureRejections.AuthKeyForSigning();
            default:
                throw SignatureRejections.KeyUsage();
        }
    }

    private string CheckIin(string? value)
    {
        if (string.IsNullOrEmpty(value)) throw SignatureRejections.NoIin();
        if (Iin.TryParse(value, out var iin, out var error)) return iin.Value;
        // NCA's test IINs (123456789011) fail the check digit; they pass only outside Production.
        var testIinsAllowed = options.Value.AllowTestIins && !environment.IsProduction();
        if (testIinsAllowed && value.Length == 12 && value.All(char.IsAsciiDigit)) return value;
        throw SignatureRejections.InvalidIin(error);
    }
}
