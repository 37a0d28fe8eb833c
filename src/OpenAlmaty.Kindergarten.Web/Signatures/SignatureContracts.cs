using System.Security.Cryptography.X509Certificates;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// What a key may be used for: the authentication key (AUTH_RSA…, EKU clientAuth) signs in; the
/// signing key (RSA…, nonRepudiation, EKU emailProtection) signs requests.
public enum KeyPurpose { Authentication = 1, Signing = 2 }

/// Who signed, from a verified NCA RK certificate.
public sealed record SignerInfo(
    string Iin,
    string? Bin,
    string CommonName,
    string? Surname,
    string? GivenName,
    string? Patronymic,
    string Algorithm,
    X509Certificate2 Certificate,
    string RevocationCheck);

/// A verified enveloped XMLDSig: the signer and the document as it was before signing
/// (the root element with the Signature element removed), for comparing with what was issued.
public sealed record VerifiedXml(SignerInfo Signer, string ContentWithoutSignature);

/// A signature or certificate the portal does not accept. <see cref="Reason"/> is said to the
/// person (ru/kk) and logged; <see cref="Code"/> is stable for tests and logs.
public sealed class SignatureRejectedException(string code, LocalizedText reason) : Exception($"{code}: {reason.Ru}")
{
    public string Code { get; } = code;
    public LocalizedText Reason { get; } = reason;
}

/// Verifies what NCALayer (or the in-page key-file signer) returns.
public interface IXmlSignatureVerifier
{
    /// Verifies the one enveloped signature, the certificate chain to the configured trust
    /// anchors at <paramref name="at"/>, key usage for <paramref name="purpose"/>, the IIN,
    /// revocation (asynchronous: OCSP/CRL over the network when configured).
    /// Throws <see cref="SignatureRejectedException"/> with the reason. <paramref name="remember"/>:
    /// the document will be checked again in a moment (eGov Mobile: at the phone's PUT, then at
    /// the sign-in or the action), so the mathematics of these exact bytes is kept for two minutes.
    Task<VerifiedXml> VerifyAsync(string signedXml, KeyPurpose purpose, DateTimeOffset at, CancellationToken ct = default, bool remember = false);
}
