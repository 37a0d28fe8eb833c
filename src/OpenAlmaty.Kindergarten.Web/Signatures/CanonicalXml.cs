using System.Globalization;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The portal writes every XML it asks a person to sign directly in Canonical XML 1.0 form (no
/// declaration, no self-closing tags, no whitespace between elements, C14N escaping), so that
/// the in-page signer can hash the text as it is, and so that the signed content can be
/// compared with what was issued byte for byte after canonicalizing it.
public static class CanonicalXml
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// A time as <see cref="Time"/> writes it, or null when the text is not one.
    public static DateTimeOffset? ParseTime(string? text) =>
        text is { Length: 20 } && DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    /// Character data escaped as C14N writes it: &amp; &lt; &gt; and CR as &#xD;.
    public static string Text(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\r': sb.Append("&#xD;"); break;
                case < ' ' and not '\n' and not '\t':
                    throw new ArgumentException("XML cannot carry control characters.", nameof(value));
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    public static string Element(string name, string value) =>
        $"<{XmlConvert.VerifyNCName(name)}>{Text(value)}</{name}>";

    /// Parses (DTDs prohibited, no external resources) and canonicalizes with comments.
    public static string Canonicalize(string xml)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using (var reader = XmlReader.Create(new StringReader(xml), settings)) doc.Load(reader);
        var transform = new XmlDsigC14NWithCommentsTransform();
        transform.LoadInput(doc);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var text = new StreamReader(output, new UTF8Encoding(false));
        return text.ReadToEnd();
    }
}
