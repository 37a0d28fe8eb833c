using System.Security.Claims;
using System.Xml;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.SignIn;

/// Sign-in with the authentication key (AUTH_RSA…): the signed nonce proves the person holds
/// the key now; the certificate says who they are; staff roles come from staff_members by IIN.
public sealed class SignInService(AppDbContext db, NonceStore nonces, IXmlSignatureVerifier verifier, TimeProvider clock)
{
    public async Task<ClaimsPrincipal> SignInAsync(string postedNonce, string signedXml, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(signedXml))
            throw new SignatureRejectedException("signin.no-signature", new(
                "Подпись не получена. Выберите место хранения ключа и подпишите ещё раз.",
                "Қолтаңба алынбады. Кілт сақталған жерді таңдап, қайта қол қойыңыз."));
        var verified = await verifier.VerifyAsync(signedXml, KeyPurpose.Authentication, clock.GetUtcNow(), ct);
        var nonce = NonceOf(verified.ContentWithoutSignature);
        if (nonce is null || !string.Equals(nonce, postedNonce, StringComparison.Ordinal))
            throw new SignatureRejectedException("nonce.mismatch", new(
                "Подписан не тот запрос на вход, который открыт на странице. Обновите страницу и подпишите ещё раз.",
                "Беттегі кіру сұрауына емес, басқа сұрауға қол қойылған. Бетті жаңартып, қайта қол қойыңыз."));
        await nonces.ConsumeAsync(nonce, verified.ContentWithoutSignature, ct);

        var person = await FindOrCreatePersonAsync(verified.Signer, ct);
        var staffRoles = await db.StaffMembers
            .Where(s => s.Iin == person.Iin && s.RevokedAt == null)
            .Select(s => s.Role).Distinct().ToListAsync(ct);

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, person.FullName),
            new(AuthSetup.IinClaim, person.Iin),
            new(AuthSetup.PersonIdClaim, person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Role, Roles.Parent),
        };
        claims.AddRange(staffRoles.Select(r => new Claim(ClaimTypes.Role, Roles.Of(r))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// Where a person lands after signing in when no page asked for it.
    public static string HomeOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.EducationStaff) ? "/admin"
        : user.IsInRole(Roles.KindergartenStaff) ? "/kindergarten"
        : user.IsInRole(Roles.CallCentreOperator) ? "/callcentre"
        : "/applications";

    private async Task<Person> FindOrCreatePersonAsync(SignerInfo signer, CancellationToken ct)
    {
        var (last, first, middle) = NamesOf(signer);
        var person = await db.People.FirstOrDefaultAsync(p => p.Iin == signer.Iin, ct);
        if (person is null)
        {
            person = new Person(Iin.Parse(signer.Iin), last, first, middle);
            db.People.Add(person);
        }
        else if (person.LastName != last || person.FirstName != first || person.MiddleName != middle)
        {
            // The certificate is the authority on the name (it follows the identity document).
            person.Rename(last, first, middle);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (person.Id == 0)
        {
            // Two first sign-ins of the same person at once: the other one created the row.
            db.ChangeTracker.Clear();
            person = await db.People.FirstAsync(p => p.Iin == signer.Iin, ct);
        }
        return person;
    }

    /// NCA writes CN = "SURNAME NAME", SURNAME = surname, G (givenName) = patronymic.
    internal static (string Last, string First, string? Middle) NamesOf(SignerInfo signer)
    {
        var cn = signer.CommonName.Trim();
        var last = string.IsNullOrWhiteSpace(signer.Surname) ? cn.Split(' ')[0] : signer.Surname.Trim();
        var first = cn.StartsWith(last + " ", StringComparison.Ordinal) ? cn[(last.Length + 1)..].Trim() : cn;
        var middle = string.IsNullOrWhiteSpace(signer.Patronymic) ? null : signer.Patronymic.Trim();
        return (last, first, middle);
    }

    private static string? NonceOf(string content)
    {
        var doc = new XmlDocument { XmlResolver = null };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(content), settings);
            doc.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        return doc.DocumentElement is { LocalName: "login" } root ? root["nonce"]?.InnerText : null;
    }
}
