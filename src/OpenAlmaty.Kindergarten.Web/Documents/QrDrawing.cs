using PdfSharp.Drawing;
using QRCoder;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// Draws a QR code as vector rectangles: sharp at any zoom, and no bitmap for PDFsharp to reject
/// (it refuses QRCoder's plain PNG). Dark modules of a row are merged into one rectangle so
/// viewers show no hairlines between them.
internal static class QrDrawing
{
    public static void Draw(XGraphics gfx, QRCodeData code, double x, double y, double size)
    {
        var matrix = code.ModuleMatrix;
        var module = size / matrix.Count;
        gfx.DrawRectangle(XBrushes.White, x, y, size, size);
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < bits.Length)
            {
                if (!bits[column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < bits.Length && bits[column]) column++;
                // A hair of overlap with the next row hides anti-aliasing seams in viewers.
                gfx.DrawRectangle(XBrushes.Black, x + start * module, y + row * module, (column - start) * module, module + 0.05);
            }
        }
    }
}
