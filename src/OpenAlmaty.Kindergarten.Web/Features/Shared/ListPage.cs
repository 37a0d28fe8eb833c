using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OpenAlmaty.Kindergarten.Web.Features.Shared;

/// Where a staff list stands: the page asked for (kept inside the pages there are), its rows'
/// numbers and the total, and the list's own URL with its filter, so that every page link keeps
/// the filter (issue 15: organisations, queue, applications and audit page the same way).
public sealed record ListPage(int Page, int PageSize, long Total, string Path, IReadOnlyDictionary<string, string?> Filter)
{
    /// The page in range: page 7 of a list that has 3 shows page 3, not an empty table.
    public static ListPage Of(int? requested, int pageSize, long total, string path, IReadOnlyDictionary<string, string?> filter) =>
        new(Math.Clamp(requested ?? 1, 1, PagesFor(total, pageSize)), pageSize, total, path, filter);

    public int Pages => PagesFor(Total, PageSize);
    public int Skip => (Page - 1) * PageSize;
    public long First => Total == 0 ? 0 : (long)Skip + 1;
    public long Last => Math.Min(Total, (long)Page * PageSize);

    /// The same filter in the URL, on another page (empty values left out).
    public string Url(int page) => Path + QueryString.Create(Filter.Where(p => !string.IsNullOrEmpty(p.Value))
        .Append(new("page", page.ToString(CultureInfo.InvariantCulture))));

    /// The page numbers to link: the first, the last and five around the current one (a list of
    /// 2,000 pages is not 2,000 links); a null is a gap.
    public IEnumerable<int?> Links()
    {
        var previous = 0;
        for (var p = 1; p <= Pages; p++)
        {
            if (p != 1 && p != Pages && Math.Abs(p - Page) > 2) continue;
            if (p - previous > 1) yield return null;
            yield return p;
            previous = p;
        }
    }

    private static int PagesFor(long total, int pageSize) => (int)Math.Max(1, (total + pageSize - 1) / pageSize);
}
