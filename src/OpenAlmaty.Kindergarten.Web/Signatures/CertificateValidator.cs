using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Checks a signer's certificate for a purpose at a moment: issued by a pinned anchor, valid,
/// not a CA, the right kind of key, exactly one IIN, not revoked. Throws
/// <see cref="SignatureRejectedException"/>. <see cref="Check"/> is the cheap, offline part that
/// runs before any canonicalisation; <see cref="Complete"/> adds the revocation look-up.
public sealed class CertificateValidator(
    TrustAnchors anchors,
    IRevocationChecker revocation,
    IOptions<EdsOptions> options,
    IHostEnvironment environment)
{
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private const string EmailProtection = "1.3.6.1.5.5.7.3.4";

    public sealed record Checked(X509Certificate2 Certificate, X509Certificate2 Issuer, NcaSubject Subject, string Iin, KeyPurpose Purpose);

    public async Task<SignerInfo> ValidateAsync(X509Certificate2 certificate, string algorithm, KeyPurpose purpose, DateTimeOffset at,
        CancellationToken ct = default) =>
        await CompleteAsync(Check(certificate, purpose, at), algorithm, ct);

    public Checked Check(X509Certificate2 certificate, KeyPurpose purpose, DateTimeOffset at)
    {
        var issuer = anchors.IssuerOf(certificate) ?? throw SignatureRejections.Untrusted();
        var moment = at.UtcDateTime;
        if (moment > certificate.NotAfter.ToUniversalTime()) throw SignatureRejections.Expired(certificate.NotAfter.ToUniversalTime());
        if (moment < certificate.NotBefore.ToUniversalTime()) throw SignatureRejections.NotYetValid(certificate.NotBefore.ToUniversalTime());
        if (moment > issuer.NotAfter.ToUniversalTime() || moment < issuer.NotBefore.ToUniversalTime()) throw SignatureRejections.AnchorExpired();
        // A CA's certificate is not a person's key, whatever its key usage says.
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority)) throw PolicyRejections.CaAsSigner();
        CheckPurpose(certificate, purpose);
        var subject = NcaSubject.Read(certificate);
        return new Checked(certificate, issuer, subject, CheckIin(subject.Iin), purpose);
    }

    public async Task<SignerInfo> CompleteAsync(Checked c, string algorithm, CancellationToken ct = default)
    {
        // Revocation answers about now (the sources know no other moment).
        var revocationCheck = await revocation.CheckAsync(c.Certificate, c.Issuer, c.Purpose, ct);
        var s = c.Subject;
        return new SignerInfo(c.Iin, s.Bin, s.CommonName, s.Surname, s.GivenName, s.Patronymic, algorithm, c.Certificate, revocationCheck);
    }

    /// NCA tells key kinds apart by key usage and EKU: authentication keys have digitalSignature
    /// and clientAuth, signing keys nonRepudiation and emailProtection.
    internal static void CheckPurpose(X509Certificate2 certificate, KeyPurpose purpose)
    {
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().SingleOrDefault()?.KeyUsages ?? X509KeyUsageFlags.None;
        var purposes = NcaSubject.ExtendedKeyUsages(certificate);
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
        // NCA's test IINs (123456789011) fail the check digit; they pass only when Eds:AllowTestIins
        // is set, which the start-up checks refuse in Production (and here too, should they be bypassed).
        if (options.Value.AllowTestIins && !environment.IsProduction() && value.Length == 12 && value.All(char.IsAsciiDigit)) return value;
        throw SignatureRejections.InvalidIin(error);
    }
}
