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
    /// <paramref name="issuedXml"/>: the nonce's XML as issued, when the caller has already
    /// checked the nonce for this browser — eGov Mobile's sign-in transaction, which was made from
    /// this browser's unused nonce (EgovTransactions.StartSignInAsync's INSERT … SELECT) and is
    /// found by that browser cookie's hash only (EgovTransactions.StateAsync). The nonce is then not read again: ConsumeAsync's
    /// UPDATE still refuses it used or expired.
    public async Task<ClaimsPrincipal> SignInAsync(string postedNonce, string signedXml, string browserKey, CancellationToken ct,
        string? issuedXml = null)
    {
        if (string.IsNullOrWhiteSpace(signedXml))
            throw new SignatureRejectedException("signin.no-signature", new(
                "Подпись не получена. Выберите место хранения ключа и подпишите ещё раз."));
        XmlPreScan.Check(signedXml, expectedRoot: "login", XmlPreScan.MaxLoginCharacters);
        var nonce = XmlPreScan.ChildText(signedXml, "nonce");
        if (nonce is null || !string.Equals(nonce, postedNonce, StringComparison.Ordinal))
            throw new SignatureRejectedException("nonce.mismatch", new(
                "Подписан не тот запрос на вход, который открыт на странице. Обновите страницу и подпишите ещё раз."));
        var challenge = issuedXml is null ? await nonces.CheckAsync(nonce, browserKey, ct) : new NonceToUse(nonce, issuedXml);

        var verified = await verifier.VerifyAsync(signedXml, KeyPurpose.Authentication, clock.GetUtcNow(), ct);
        var signer = verified.Signer;
        // A legal entity's key signs staff in for that organisation only, and never as a parent.
        var employerBin = NcaSubject.IsLegalEntity(signer.Certificate, signer.Bin) ? signer.Bin ?? "" : null;
        if (employerBin is not null && !await HasGrantAtAsync(signer.Iin, employerBin, ct)) throw PolicyRejections.LegalEntity();
        await nonces.ConsumeAsync(challenge, verified.ContentWithoutSignature, ct);

        var person = await people.FindOrCreateAsync(signer, ct);
        var session = await sessions.StartAsync(person, employerBin, ct);
        return session.ToPrincipal();
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
