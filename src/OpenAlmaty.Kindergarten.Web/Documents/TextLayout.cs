using PdfSharp.Drawing;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// Word wrapping for PDFsharp, which draws a string on one line only. A word wider than the box
/// (a long address without spaces) is cut where it must be, never drawn past the border.
internal static class TextLayout
{
    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(gfx, candidate, font, width))
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (!Fits(gfx, line, font, width))
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && !Fits(gfx, line[..cut], font, width)) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    public static double LineHeight(XFont font) => font.Size * 1.28;

    public static double Height(List<string> lines, XFont font) => lines.Count * LineHeight(font);

    /// Draws the lines from the top at y; returns the y under the last line.
    public static double Draw(XGraphics gfx, List<string> lines, XFont font, XBrush brush, double x, double y)
    {
        foreach (var line in lines)
        {
            gfx.DrawString(line, font, brush, x, y, XStringFormats.TopLeft);
            y += LineHeight(font);
        }
        return y;
    }

    public static double DrawWrapped(XGraphics gfx, string text, XFont font, XBrush brush, double x, double y, double width) =>
        Draw(gfx, Wrap(gfx, text, font, width), font, brush, x, y);

    public static double DrawCentred(XGraphics gfx, string text, XFont font, XBrush brush, double x, double y, double width)
    {
        foreach (var line in Wrap(gfx, text, font, width))
        {
            gfx.DrawString(line, font, brush, new XRect(x, y, width, LineHeight(font)), XStringFormats.TopCenter);
            y += LineHeight(font);
        }
        return y;
    }

    private static bool Fits(XGraphics gfx, string text, XFont font, double width) => gfx.MeasureString(text, font).Width <= width;
}
