using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// PDFsharp 6.2.4 does not follow every composite glyph to its parts when it subsets a font
/// (see empira/PDFsharp#348): a name with Ё printed only the two dots, and bold Ы printed as Ь.
/// Marking every letter and accent of the alphabets we print as used puts each intermediate glyph
/// in the subset, and PDFsharp's one pass then finds all the parts. The text is drawn on a form
/// that no page shows, so viewers and text extraction never see it; the subset grows by a few
/// kilobytes.
internal static class GlyphPrimer
{
    internal const string Alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" +
        "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя" +
        "ӘҒҚҢӨҰҮҺІәғқңөұүһі" +
        "ЎўЄєЇїҐґ" +
        "¨´`˘ˇ˙˚˛¸^~¯ı";

    public static void Prime(PdfDocument pdf, DocumentFonts fonts)
    {
        var form = new XForm(pdf, new XSize(10, 10));
        using var gfx = XGraphics.FromForm(form);
        gfx.DrawString(Alphabet, fonts.Regular(1), XBrushes.Black, 0, 0, XStringFormats.TopLeft);
        gfx.DrawString(Alphabet, fonts.Bold(1), XBrushes.Black, 0, 0, XStringFormats.TopLeft);
    }
}
