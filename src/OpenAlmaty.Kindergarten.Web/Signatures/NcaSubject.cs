using System.Security.Cryptography.X509Certificates;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The subject fields of an NCA RK certificate: CN "SURNAME NAME", SURNAME, G (the patronymic),
/// SERIALNUMBER "IIN…", and for a legal entity OU "BIN…". SERIALNUMBER must appear exactly once:
/// with two, which one is "the" IIN would depend on the reader (issue 17, case 4).
public sealed record NcaSubject(string CommonName, string? Surname, string? GivenName, string? Patronymic, string? Iin, string? Bin)
{
    private const string CommonNameOid = "2.5.4.3";
    private const string SurnameOid = "2.5.4.4";
    private const string SerialNumberOid = "2.5.4.5";
    private const string OrganizationalUnitOid = "2.5.4.11";
    private const string GivenNameOid = "2.5.4.42";
    /// NCA's policy arc for a legal entity's certificates (1.2.398.3.3.4.1.2.x: head, signer, employee…).
    private const string LegalEntityArc = "1.2.398.3.3.4.1.2";

    public static NcaSubject Read(X509Certificate2 certificate)
    {
        var fields = new Dictionary<string, string>();
        var serialNumbers = 0;
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements)
            {
                // A multi-valued RDN is not NCA's shape; one carrying an IIN is refused outright.
                if (rdn.RawData.Span.IndexOf(SerialNumberDer) >= 0) throw PolicyRejections.IinCount();
                continue;
            }
            if (rdn.GetSingleElementType().Value is not { } oid) continue;
            if (oid == SerialNumberOid && ++serialNumbers > 1) throw PolicyRejections.IinCount();
            if (rdn.GetSingleElementValue() is { } value) fields.TryAdd(oid, value.Trim());
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

    public static HashSet<string?> ExtendedKeyUsages(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .SelectMany(e => e.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>())
            .Select(oid => oid.Value).ToHashSet();

    /// A legal entity's certificate (an employee's, a head's): a BIN in the subject or NCA's
    /// legal-entity policy in the EKU. Such a key speaks for the organisation, not for a parent.
    public static bool IsLegalEntity(X509Certificate2 certificate, string? bin) =>
        bin is not null || ExtendedKeyUsages(certificate).Any(o => o is not null && (o == LegalEntityArc || o.StartsWith(LegalEntityArc + ".", StringComparison.Ordinal)));

    // The DER of the attribute type 2.5.4.5 (OBJECT IDENTIFIER, length 3, 55 04 05).
    private static ReadOnlySpan<byte> SerialNumberDer => [0x06, 0x03, 0x55, 0x04, 0x05];

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
