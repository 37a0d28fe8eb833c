using System.Diagnostics;

namespace OpenAlmaty.Kindergarten.Web.Tests.Documents;

/// poppler-utils (pdfinfo, pdftotext, pdftoppm): an independent reader of the PDFs we make.
internal static class PdfTools
{
    public static string Info(byte[] pdf) => Run(pdf, (path, _) => ["pdfinfo", "-enc", "UTF-8", path], _ => "");

    public static string Text(byte[] pdf) => Run(pdf, (path, _) => ["pdftotext", "-enc", "UTF-8", path, "-"], _ => "");

    public static byte[] RenderPng(byte[] pdf, int dpi = 100)
    {
        byte[] png = [];
        Run(pdf, (path, prefix) => ["pdftoppm", "-png", "-singlefile", "-r", dpi.ToString(), path, prefix],
            prefix => { png = File.ReadAllBytes(prefix + ".png"); return ""; });
        return png;
    }

    private static string Run(byte[] pdf, Func<string, string, string[]> command, Func<string, string> readOutputFiles)
    {
        var folder = Directory.CreateTempSubdirectory("referral-");
        try
        {
            var path = Path.Combine(folder.FullName, "referral.pdf");
            var prefix = Path.Combine(folder.FullName, "page");
            File.WriteAllBytes(path, pdf);
            var args = command(path, prefix);
            var start = new ProcessStartInfo(args[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args.Skip(1)) start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{args[0]} did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{args[0]} failed: {error}");
            return output.Result + readOutputFiles(prefix);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
