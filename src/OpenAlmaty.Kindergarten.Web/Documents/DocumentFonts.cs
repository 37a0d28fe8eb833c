using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// The referral's fonts: DejaVu Sans, Unicode-encoded, embedded as subsets. Tests ask for the
/// complete font files to check that the subsets lose no glyph.
internal sealed class DocumentFonts(PdfFontEmbedding embedding)
{
    private readonly XPdfFontOptions _options = new(PdfFontEncoding.Unicode, embedding);

    public static DocumentFonts Subsets { get; } = new(PdfFontEmbedding.TryComputeSubset);

    public XFont Regular(double size) => new(DejaVuFontResolver.Family, size, XFontStyleEx.Regular, _options);

    public XFont Bold(double size) => new(DejaVuFontResolver.Family, size, XFontStyleEx.Bold, _options);
}
