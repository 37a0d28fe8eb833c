using OpenAlmaty.Kindergarten.Web.Localization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile;

/// API 2's document: what the person reads in the app before confirming (meta: the fields of
/// the XML, named in ru/kk/en) and the XML to sign; and the signed XML read back from the PUT.
public static class EgovDocument
{
    private static readonly LocalizedText SignInTitle = new(
        "Вход в личный кабинет портала детских садов Алматы");

    private static readonly LocalizedText RequestTitle = new(
        "Запрос родителя на портале детских садов Алматы");

    private static readonly Dictionary<string, LocalizedText> FieldNames = new()
    {
        ["action"] = new("Действие"),
        ["registration"] = new("Регистрационный номер"),
        ["child"] = new("Ребёнок"),
        ["childIin"] = new("ИИН ребёнка"),
        ["organisation"] = new("Организация"),
        ["organisationName"] = new("Организация"),
        ["iin"] = new("ИИН"),
        ["nonce"] = new("Одноразовый код входа"),
        ["issued"] = new("Выдан"),
    };

    public static LocalizedText Description(EgovTransaction tx) => tx.IsSignIn ? SignInTitle : RequestTitle;

    public static Dictionary<string, object> ToSign(EgovTransaction tx)
    {
        var title = Description(tx);
        return new Dictionary<string, object>
        {
            ["signMethod"] = "XML",
            ["version"] = 1,
            ["documentsToSign"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["id"] = 1,
                    ["nameRu"] = Lang.Of(title, "ru"),
                    ["nameKz"] = Lang.Of(title, "kk"),
                    ["nameEn"] = Lang.Of(title, "en"),
                    ["meta"] = Meta(tx.Xml),
                    ["documentXml"] = tx.Xml,
                },
            },
        };
    }

    /// The one documentXml of a PUT in API 2's shape, or null when the body is not that shape.
    public static string? SignedXmlOf(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("documentsToSign", out var documents) || documents.ValueKind != JsonValueKind.Array
                || documents.GetArrayLength() != 1) return null;
            if (root.TryGetProperty("signMethod", out var method) && method.ValueKind == JsonValueKind.String && method.GetString() != "XML") return null;
            var document = documents[0];
            if (document.ValueKind != JsonValueKind.Object
                || !document.TryGetProperty("id", out var id) || !id.TryGetInt32(out var number) || number != 1
                || !document.TryGetProperty("documentXml", out var xml) || xml.ValueKind != JsonValueKind.String) return null;
            return xml.GetString() is { Length: > 0 } text ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<Dictionary<string, string>> Meta(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var root = XDocument.Load(reader).Root!;
        return root.Elements()
            .Where(e => e.Name.LocalName is not ("id" or "kind"))
            .Select(e => new Dictionary<string, string>
            {
                ["name"] = FieldNames.TryGetValue(e.Name.LocalName, out var name) ? name.Ru : e.Name.LocalName,
                ["value"] = e.Value,
            })
            .ToList();
    }
}
