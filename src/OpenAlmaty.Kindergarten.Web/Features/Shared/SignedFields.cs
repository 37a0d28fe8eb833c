using System.Xml;
using System.Xml.Linq;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Features.Shared;

/// Reads the fields of a signed request. SignedRequests.VerifyAsync has already checked that the
/// content is exactly what the portal issued, so the values are the portal's own.
public static class SignedFields
{
    /// A valid signature on a request made for another action or application: nothing is done.
    public static DomainException Mismatch() => new("request.mismatch", new(
        "Подписанный запрос относится к другому действию."));

    public static string? Read(string signedXml, string name)
    {
        using var reader = XmlReader.Create(new StringReader(signedXml),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var root = XDocument.Load(reader).Root;
        return root?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
    }
}
