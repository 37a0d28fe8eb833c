using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.Kindergarten.Web.Auth;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Reports;

[Authorize(Policy = Policies.Admin)]
[Route("admin/reports")]
public sealed class ReportsController(ReportQueries reports, StaffScope scope) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!(await scope.CurrentAsync(ct)).Granted) return Forbid();
        var tables = new List<ReportTable>();
        foreach (var key in ReportQueries.Keys) tables.Add((await reports.BuildAsync(key, ct))!);
        ViewData["AdminSection"] = "reports";
        return View("~/Features/Admin/Reports/Views/Index.cshtml", tables);
    }

    /// format: csv (UTF-8 with BOM and ";" so Excel in a Russian locale opens it as columns) or xlsx.
    [HttpGet("{key}.{format}")]
    public async Task<IActionResult> Download(string key, string format, CancellationToken ct)
    {
        if (!(await scope.CurrentAsync(ct)).Granted) return Forbid();
        var table = await reports.BuildAsync(key, ct);
        if (table is null) return NotFound();
        return format switch
        {
            "csv" => File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(table.Csv())).ToArray(), "text/csv; charset=utf-8", $"{key}.csv"),
            "xlsx" => File(table.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{key}.xlsx"),
            _ => NotFound(),
        };
    }
}
