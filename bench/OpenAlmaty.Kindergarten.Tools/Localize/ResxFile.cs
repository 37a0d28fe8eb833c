using System.Xml;
using System.Xml.Linq;

namespace OpenAlmaty.Kindergarten.Tools.Localize;

/// One .resx file as name → value, in file order. Entries already there are kept as they are (a
/// translator's correction wins over the source); new ones are appended, so a second run with the
/// same input writes nothing.
public sealed class ResxFile
{
    private const string Header = """
        <?xml version="1.0" encoding="utf-8"?>
        <root>
          <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
          <resheader name="version"><value>2.0</value></resheader>
          <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
          <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
        </root>
        """;

    private readonly XDocument document;
    private readonly Dictionary<string, string> entries = new(StringComparer.Ordinal);

    public string Path { get; }
    public bool Changed { get; private set; }

    private ResxFile(string path, XDocument document)
    {
        Path = path;
        this.document = document;
        foreach (var data in document.Root!.Elements("data"))
            entries[(string)data.Attribute("name")!] = (string?)data.Element("value") ?? "";
    }

    public static ResxFile Open(string path) =>
        new(path, File.Exists(path) ? XDocument.Load(path, LoadOptions.PreserveWhitespace) : XDocument.Parse(Header, LoadOptions.PreserveWhitespace));

    public IReadOnlyDictionary<string, string> Entries => entries;

    public bool Has(string name) => entries.ContainsKey(name);

    /// Adds the entry unless the file has one; returns the value the file had when it differs.
    public string? Add(string name, string value)
    {
        if (entries.TryGetValue(name, out var existing)) return existing == value ? null : existing;
        entries[name] = value;
        var root = document.Root!;
        var last = root.Elements().LastOrDefault();
        var element = new XElement("data", new XAttribute("name", name),
            new XAttribute(XNamespace.Xml + "space", "preserve"), new XElement("value", value));
        if (last is null) root.Add(new XText("\n  "), element, new XText("\n"));
        else last.AddAfterSelf(new XText("\n  "), element);
        Changed = true;
        return null;
    }

    public void Save()
    {
        if (!Changed) return;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var settings = new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize };
        using (var writer = XmlWriter.Create(Path, settings)) document.Save(writer);
        File.AppendAllText(Path, "\n");
        Changed = false;
    }
}
