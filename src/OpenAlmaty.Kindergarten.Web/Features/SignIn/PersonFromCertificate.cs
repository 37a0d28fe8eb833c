using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.SignIn;

/// The person a verified certificate names: created at the first sign-in; on a later one a name
/// that differs from the stored one is taken from the certificate (it follows the identity
/// document) and the change is written to the audit log, old and new, never silently. The
/// language of the sign-in request is stored as the person's (notifications follow it).
public sealed class PersonFromCertificate(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public const string RenameAction = "person.name-from-certificate";

    /// <paramref name="language"/>: the sign-in's language when this request is not the person's
    /// own page (eGov Mobile's PUT comes from the app; the waiting page's language is kept).
    public async Task<Person> FindOrCreateAsync(SignerInfo signer, string? language, CancellationToken ct)
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
            var before = person.FullName;
            person.Rename(last, first, middle);
            db.Set<AuditEntry>().Add(new AuditEntry(clock.GetUtcNow(), person.Iin, person.FullName, RenameAction, null,
                $"ФИО из сертификата ЭЦП: «{before}» → «{person.FullName}» (серийный номер {signer.Certificate.SerialNumber})",
                http.HttpContext?.Connection.RemoteIpAddress?.ToString()));
        }
        // The language the person signs in with is the one their notifications are written in.
        var spoken = language ?? (http.HttpContext is { } request ? Localization.Lang.Current(request) : null);
        if (spoken is not null) person.Speaks(spoken);
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
}
