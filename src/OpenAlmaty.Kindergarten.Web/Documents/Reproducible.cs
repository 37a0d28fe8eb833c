using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OpenAlmaty.Kindergarten.Domain.Common;
using PdfSharp.Pdf;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// What PDFsharp 6.2 leaves to chance, made to depend on the referral only, so a document is
/// byte-identical however often and wherever it is made.
internal static partial class Reproducible
{
    /// PDFsharp writes dates with the host's UTC offset; a referral's dates are Almaty's.
    public static void SetDates(PdfDocument pdf, DateTimeOffset issuedAt)
    {
        var local = AlmatyTime.ToLocal(issuedAt);
        var offset = local.Offset;
        var date = $"D:{local:yyyyMMddHHmmss}{(offset < TimeSpan.Zero ? '-' : '+')}{offset:hh}'{offset:mm}'";
        pdf.Info.Elements.SetString("/CreationDate", date);
        pdf.Info.Elements.SetString("/ModDate", date);
    }

    /// PDFsharp tags each embedded font subset with six random capitals (PdfFont.CreateEmbeddedFontSubsetName
    /// uses Guid.NewGuid) and gives the XMP metadata random UUIDs. Both sit in uncompressed text and
    /// are replaced by values of the same length derived from the document ID, so no byte offset in
    /// the cross-reference table moves.
    public static byte[] ReplaceRandomNames(byte[] pdf, string documentId)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>();
        text = SubsetTag().Replace(text, match =>
        {
            if (!tags.TryGetValue(match.Value, out var replacement))
                tags[match.Value] = replacement = TagFor(documentId, tags.Count);
            return replacement;
        });
        var uuid = new Guid(Encoding.Latin1.GetBytes(documentId)).ToString("D");
        text = XmpUuid().Replace(text, uuid);
        return Encoding.Latin1.GetBytes(text);
    }

    private static string TagFor(string documentId, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{documentId}|font|{index}"));
        return new string(hash.AsSpan(0, 6).ToArray().Select(b => (char)('A' + b % 26)).ToArray());
    }

    [GeneratedRegex(@"(?<=/)[A-Z]{6}(?=\+DejaVu)", RegexOptions.CultureInvariant)]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"(?<=<xmpMM:(?:DocumentID|InstanceID)>uuid:)[0-9a-fA-F-]{36}(?=</xmpMM:)", RegexOptions.CultureInvariant)]
    private static partial Regex XmpUuid();
}
