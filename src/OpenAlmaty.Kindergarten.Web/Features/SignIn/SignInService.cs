using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.SignIn;

/// Sign-in with the authentication key (AUTH_RSA…): the signed nonce proves the person holds
/// the key now; the certificate says who they are; a server-side session is opened whose roles
/// are read from staff_members on each request (Auth/Sessions). The cheap checks come first
/// (the document's shape, the nonce and this browser), the signature mathematics after them.
public sealed class SignInService(AppDbContext db, NonceStore nonces, IXmlSignatureVerifier verifier, PersonFromCertificate people,
    Sessions sessions, TimeProvider clock)
{
    public async Task<ClaimsPrincipal> SignInAsync(string postedNonce, string signedXml, string browserKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(signedXml))
            throw new SignatureRejectedException("signin.no-signature", new(
                "Подпись не получена. Выберите место хранения ключа и подпишите ещё раз."));
        XmlPreScan.Check(signedXml, expectedRoot: "login", XmlPreScan.MaxLoginCharacters);
        var nonce = XmlPreScan.ChildText(signedXml, "nonce");
        if (nonce is null || !string.Equals(nonce, postedNonce, StringComparison.Ordinal))
            throw new SignatureRejectedException("nonce.mismatch", new(
                "Подписан не тот запрос на вход, который открыт на странице. Обновите страницу и подпишите ещё раз."));
        var challenge = await nonces.CheckAsync(nonce, browserKey, ct);

        var verified = await verifier.VerifyAsync(signedXml, KeyPurpose.Authentication, clock.GetUtcNow(), ct);
        var signer = await SignerAsync(verified, null, ct);
        return (await StartSessionAsync(challenge, verified, signer, ct)).ToPrincipal();
    }

    /// Who signed, once the signature is verified with the authentication key: the legal-entity
    /// rule, then the person (created, or renamed from the certificate; <paramref name="language"/>
    /// is recorded as theirs, else this request's). Needs no database transaction: the person row
    /// only follows the verified certificate.
    public async Task<VerifiedSigner> SignerAsync(VerifiedXml verified, string? language, CancellationToken ct)
    {
        var signer = verified.Signer;
        // A legal entity's key signs staff in for that organisation only, and never as a parent.
        var employerBin = NcaSubject.IsLegalEntity(signer.Certificate, signer.Bin) ? signer.Bin ?? "" : null;
        if (employerBin is not null && !await HasGrantAtAsync(signer.Iin, employerBin, ct)) throw PolicyRejections.LegalEntity();
        return new VerifiedSigner(await people.FindOrCreateAsync(signer, language, ct), employerBin);
    }

    /// The nonce used up (ConsumeAsync's UPDATE refuses it used or expired) and a new session.
    /// eGov Mobile's API 2 PUT calls it for a sign-in transaction, which was made from this
    /// browser's unused nonce (EgovTransactions.StartSignInAsync), inside its own transaction.
    public async Task<SessionSnapshot> StartSessionAsync(NonceToUse challenge, VerifiedXml verified, VerifiedSigner signer, CancellationToken ct)
    {
        await nonces.ConsumeAsync(challenge, verified.ContentWithoutSignature, ct);
        return await sessions.StartAsync(signer.Person, signer.EmployerBin, ct);
    }

    /// Where a person lands after signing in when no page asked for it.
    public static string HomeOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.EducationStaff) ? "/admin"
        : user.IsInRole(Roles.KindergartenStaff) ? "/kindergarten"
        : user.IsInRole(Roles.CallCentreOperator) ? "/callcentre"
        // The instruction, step 4: the parent lands on the home page and opens «Просмотр».
        : "/";

    private Task<bool> HasGrantAtAsync(string iin, string bin, CancellationToken ct) =>
        db.StaffMembers.AnyAsync(s => s.Iin == iin && s.RevokedAt == null && s.Role != StaffRole.Administrator
            && db.Organisations.Any(o => o.Id == s.OrganisationId && o.Bin == bin && bin != ""), ct);
}

/// The person a verified sign-in names, and the organisation's BIN when a legal entity's key signed.
public sealed record VerifiedSigner(Domain.People.Person Person, string? EmployerBin);
