using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Reports;

/// A report as a table: the page draws it and a bar chart from it, and it downloads as CSV or
/// Excel from the same rows. Cells are strings or numbers (int, long). The title and the columns
/// are in the reader's language (ReportQueries takes them from ReportsTexts).
public sealed record ReportTable(string Key, string Title, IReadOnlyList<string> Columns,
    IReadOnlyList<object[]> Rows, int LabelColumn, IReadOnlyList<int> ValueColumns)
{
    public string Csv()
    {
        var csv = new StringBuilder();
        csv.AppendJoin(';', Columns.Select(Quote)).Append("\r\n");
        foreach (var row in Rows) csv.AppendJoin(';', row.Select(c => Quote(Text(c)))).Append("\r\n");
        return csv.ToString();
    }

    private static string Quote(string s) => s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static string Text(object? cell) => cell switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// The smallest valid .xlsx (Office Open XML SpreadsheetML): one sheet, inline strings, no
    /// styles. Written by hand with System.IO.Compression so the portal needs no spreadsheet library.
    public byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Report" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            AppendRow(sheet, 1, Columns.Cast<object>().ToArray());
            for (var i = 0; i < Rows.Count; i++) AppendRow(sheet, i + 2, Rows[i]);
            sheet.Append("</sheetData></worksheet>");
            Add(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return stream.ToArray();
    }

    private static void AppendRow(StringBuilder sheet, int number, object[] cells)
    {
        sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\">");
        for (var c = 0; c < cells.Length; c++)
        {
            var reference = ColumnName(c) + number.ToString(CultureInfo.InvariantCulture);
            if (cells[c] is int or long or double or decimal)
                sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{Text(cells[c])}</v></c>");
            else
                sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(Text(cells[c]))}</t></is></c>");
        }
        sheet.Append("</row>");
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static void Add(ZipArchive zip, string path, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}

/// The bars of a report's chart: rows summed by the label column (a row counts 1 when the report
/// has no value columns).
public sealed record ReportChart(IReadOnlyList<string> Series, IReadOnlyList<(string Label, long[] Values)> Bars)
{
    /// <paramref name="count"/>: the series' name when rows are counted, in the reader's language.
    public static ReportChart Of(ReportTable table, string count)
    {
        var series = table.ValueColumns.Count == 0 ? [count] : table.ValueColumns.Select(c => table.Columns[c]).ToList();
        var bars = new List<(string Label, long[] Values)>();
        foreach (var row in table.Rows)
        {
            var label = ReportTable.Text(row[table.LabelColumn]);
            var index = bars.FindIndex(b => b.Label == label);
            if (index < 0) { bars.Add((label, new long[series.Count])); index = bars.Count - 1; }
            if (table.ValueColumns.Count == 0) bars[index].Values[0]++;
            else for (var i = 0; i < table.ValueColumns.Count; i++) bars[index].Values[i] += Convert.ToInt64(row[table.ValueColumns[i]], CultureInfo.InvariantCulture);
        }
        return new ReportChart(series, bars.Take(40).ToList());
    }

    /// Horizontal bars as inline SVG: sizes are attributes, so the page needs no inline style
    /// (the CSP forbids it) and no chart library.
    public string Svg(string title)
    {
        string[] classes = ["", "alt", "alt2"];
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        static string E(string s) => SecurityElement.Escape(s);
        var max = Math.Max(1, Bars.SelectMany(b => b.Values).DefaultIfEmpty(0).Max());
        var rowHeight = 14 * Series.Count + 6;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"oa-chart w-100\" role=\"img\" aria-label=\"{E(title)}\" viewBox=\"0 0 600 {Bars.Count * rowHeight + 24}\" preserveAspectRatio=\"xMinYMin meet\">");
        for (var i = 0; i < Series.Count; i++)
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{classes[i % 3]}\" x=\"{150 + i * 150}\" y=\"2\" width=\"10\" height=\"10\"/><text x=\"{164 + i * 150}\" y=\"11\">{E(Series[i])}</text>");
        for (var b = 0; b < Bars.Count; b++)
        {
            var y = 20 + b * rowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 11}\">{E(Bars[b].Label)}</text>");
            for (var i = 0; i < Series.Count; i++)
            {
                var width = Bars[b].Values[i] * 380.0 / max;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{classes[i % 3]}\" x=\"150\" y=\"{y + i * 14}\" width=\"{N(width)}\" height=\"12\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(155 + width)}\" y=\"{y + i * 14 + 10}\">{Bars[b].Values[i]}</text>");
            }
        }
        return svg.Append("</svg>").ToString();
    }
}
