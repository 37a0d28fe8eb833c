using PdfSharp.Drawing;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// The bordered table of a referral's fields: the label in Russian over Kazakh on the left, the
/// value on the right, each row as tall as its longest wrapped text.
internal sealed class FieldTable(XGraphics gfx, DocumentFonts fonts, double scale)
{
    private const double LabelShare = 0.36;

    private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(20, 20, 20));
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(85, 85, 85));
    private static readonly XBrush LabelFill = new XSolidBrush(XColor.FromArgb(242, 244, 247));
    private static readonly XPen Grid = new(XColor.FromArgb(60, 60, 60), 0.6);

    internal sealed record Row(string Ru, string Kk, string Value, bool Strong = false);

    /// Draws the table from y; returns the y under it.
    public double Draw(IEnumerable<Row> rows, double x, double y, double width)
    {
        var pad = 4 * scale;
        var labelRu = fonts.Bold(8.5 * scale);
        var labelKk = fonts.Regular(8 * scale);
        var value = fonts.Regular(10 * scale);
        var valueStrong = fonts.Bold(10 * scale);
        var labelWidth = Math.Round(width * LabelShare);
        var valueWidth = width - labelWidth;
        var top = y;

        foreach (var row in rows)
        {
            var ruLines = TextLayout.Wrap(gfx, row.Ru, labelRu, labelWidth - 2 * pad);
            var kkLines = TextLayout.Wrap(gfx, row.Kk, labelKk, labelWidth - 2 * pad);
            var font = row.Strong ? valueStrong : value;
            var valueLines = TextLayout.Wrap(gfx, row.Value, font, valueWidth - 2 * pad);
            var labelHeight = TextLayout.Height(ruLines, labelRu) + TextLayout.Height(kkLines, labelKk);
            var height = Math.Max(labelHeight, TextLayout.Height(valueLines, font)) + 2 * pad;

            gfx.DrawRectangle(LabelFill, x, y, labelWidth, height);
            var ly = TextLayout.Draw(gfx, ruLines, labelRu, Ink, x + pad, y + pad);
            TextLayout.Draw(gfx, kkLines, labelKk, Muted, x + pad, ly);
            TextLayout.Draw(gfx, valueLines, font, Ink, x + labelWidth + pad, y + pad);
            gfx.DrawLine(Grid, x, y, x + width, y);
            y += height;
        }

        gfx.DrawLine(Grid, x, y, x + width, y);
        gfx.DrawLine(Grid, x, top, x, y);
        gfx.DrawLine(Grid, x + labelWidth, top, x + labelWidth, y);
        gfx.DrawLine(Grid, x + width, top, x + width, y);
        return y;
    }
}
