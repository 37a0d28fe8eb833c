using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// Serves DejaVu Sans (regular and bold) from the assembly's resources, so a referral looks the
/// same on every host and every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І) has a glyph. Whatever family a
/// caller asks for, it gets DejaVu Sans: the document uses no other.
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static readonly DejaVuFontResolver Instance = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new();

    private DejaVuFontResolver() { }

    /// GlobalFontSettings.FontResolver is process-wide and PDFsharp refuses a second, different
    /// resolver once a font was used; several test hosts in one process all call this.
    public static void Register()
    {
        lock (Gate)
        {
            if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) return;
            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var resource = $"Fonts.{faceName}.ttf";
        using var stream = typeof(DejaVuFontResolver).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font resource {resource} is not embedded in the portal's assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
