using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Web.Features.CallCentre;

/// What an operator sees before pressing "Показать": enough to compare with what the caller reads
/// out, not enough to copy a person's identity.
public static class Masks
{
    public static string Iin(string? iin, bool revealed) => revealed ? iin ?? "—" : Domain.People.Iin.Mask(iin);

    public static string Phone(string? phone, bool revealed)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "—";
        if (revealed) return phone;
        var digits = phone.Count(char.IsAsciiDigit);
        var seen = 0;
        return string.Concat(phone.Select(ch => !char.IsAsciiDigit(ch) ? ch : ++seen > digits - 2 || seen == 1 ? ch : '*'));
    }
}
