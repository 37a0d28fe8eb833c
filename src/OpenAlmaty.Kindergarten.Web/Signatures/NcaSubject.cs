using System.Security.Cryptography.X509Certificates;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The subject fields of an NCA RK certificate: CN "SURNAME NAME", SURNAME, G (the patronymic),
/// SERIALNUMBER "IIN…", and for a legal entity OU "BIN…".
internal sealed record NcaSubject(string CommonName, string? Surname, string? GivenName, string? Patronymic, string? Iin, string? Bin)
{
    private const string CommonNameOid = "2.5.4.3";
    private const string SurnameOid = "2.5.4.4";
    private const string SerialNumberOid = "2.5.4.5";
    private const string OrganizationalUnitOid = "2.5.4.11";
    private const string GivenNameOid = "2.5.4.42";

    public static NcaSubject Read(X509Certificate2 certificate)
    {
        var fields = new Dictionary<string, string>();
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements) continue;
            if (rdn.GetSingleElementType().Value is { } oid && rdn.GetSingleElementValue() is { } value)
                fields.TryAdd(oid, value.Trim());
        }
        var commonName = fields.GetValueOrDefault(CommonNameOid, "");
        var surname = fields.GetValueOrDefault(SurnameOid);
        return new NcaSubject(
            commonName,
            surname,
            GivenNameFrom(commonName, surname),
            fields.GetValueOrDefault(GivenNameOid),
            Strip(fields.GetValueOrDefault(SerialNumberOid), "IIN"),
            Strip(fields.GetValueOrDefault(OrganizationalUnitOid), "BIN"));
    }

    // NCA puts the given name only in CN, after the surname; G holds the patronymic.
    private static string? GivenNameFrom(string commonName, string? surname)
    {
        if (surname is { Length: > 0 } && commonName.StartsWith(surname + " ", StringComparison.OrdinalIgnoreCase))
            return commonName[(surname.Length + 1)..].Trim() is { Length: > 0 } rest ? rest : null;
        var words = commonName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 ? words[1] : null;
    }

    private static string? Strip(string? value, string prefix) =>
        value is not null && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? value[prefix.Length..] : null;
}
