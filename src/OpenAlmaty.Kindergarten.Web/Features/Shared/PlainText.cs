using System.Globalization;
using System.Text;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Features.Shared;

/// The one check for names and free text typed into any form: normalised to NFC (so that "Ә"
/// typed two ways is one name), and refused when it carries control characters, bidi overrides
/// or zero-width characters — invisible on screen, they can make a name look like another one
/// and break the XML a person signs (issue 17, cases 8 and 12).
public static class PlainText
{
    public static readonly LocalizedText Refused = new(
        "Уберите из текста невидимые и управляющие символы (они могли скопироваться вместе с текстом).");

    public static string? Normalize(string? value) => value?.Normalize(NormalizationForm.FormC).Trim();

    /// True when the text can be stored and signed; <paramref name="multiline"/> allows line
    /// breaks and tabs (notes, reasons).
    public static bool IsClean(string? value, bool multiline = false)
    {
        if (value is null) return true;
        foreach (var c in value)
        {
            if (multiline && c is '\n' or '\r' or '\t') continue;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            // Cc: control; Cf: format (bidi overrides and isolates, zero-width, BOM); Zl/Zp: line
            // and paragraph separators; Cs/Co/Cn: lone surrogates, private use, unassigned.
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned)
                return false;
        }
        return true;
    }
}
