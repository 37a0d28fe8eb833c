using System.Text.RegularExpressions;

namespace OpenAlmaty.Kindergarten.Tools.Localize;

/// `localize <repo root> [--check]`: moves every `L["ru", "kk"(, "en")]` and
/// `new LocalizedText("ru", "kk"(, "en"))` into resource files (docs/decisions/0019). The source
/// keeps the Russian as the key; the Kazakh (and the English, when written) go to the folder's
/// .kk.resx/.en.resx; entries already there are kept. Safe to run again: a second run changes
/// nothing. It prints what a person must still do: pairs written with interpolation or variables,
/// and every key that has no kk or en entry. `--check` writes nothing and exits 1 when anything is
/// left (what LocalizationCoverageTests asserts).
public static partial class LocalizeCommand
{
    public static Task<bool> TryRunAsync(string[] args)
    {
        if (args is not ["localize", var root, .. var rest]) return Task.FromResult(false);
        var report = Run(root, write: !rest.Contains("--check"));
        report.Print(Console.Out);
        Environment.ExitCode = report.Clean ? 0 : 1;
        return Task.FromResult(true);
    }

    public static string WebProject(string root) => Path.Combine(root, "src", "OpenAlmaty.Kindergarten.Web");

    public static LocalizeReport Run(string root, bool write)
    {
        var web = WebProject(root);
        var report = new LocalizeReport();
        var resx = new Dictionary<string, ResxFile>();
        ResxFile Resx(TextHome home, string language)
        {
            var path = home.ResxPath(web, language);
            if (!resx.TryGetValue(path, out var file)) resx[path] = file = ResxFile.Open(path);
            return file;
        }
        var viewHomes = new HashSet<TextHome>();
        var codeHomes = new HashSet<TextHome>();

        foreach (var (path, relative) in SourceFiles(root))
        {
            var source = File.ReadAllText(path);
            var (sites, hand) = TextScanner.Scan(source);
            var shown = relative.Replace("src/OpenAlmaty.Kindergarten.", "", StringComparison.Ordinal);
            report.Hand.AddRange(hand.Select(h => $"{shown}:{h.Line}: {h.Excerpt}"));
            if (sites.Count == 0) continue;
            var isView = path.EndsWith(".cshtml", StringComparison.Ordinal);
            var fileHome = relative.StartsWith("src/OpenAlmaty.Kindergarten.Web/", StringComparison.Ordinal)
                ? TextHome.ForFile(relative["src/OpenAlmaty.Kindergarten.Web/".Length..]) : TextHome.Domain;
            foreach (var site in sites)
            {
                var home = site.Kind == SiteKind.Message ? TextHome.Domain : fileHome;
                if (site.Kind == SiteKind.Indexer) (isView ? viewHomes : codeHomes).Add(home);
                report.Keys.Add((home, site.Ru, $"{shown}:{site.Line}"));
                if (site.Kk is { } kk && Resx(home, "kk").Add(site.Ru, kk) is { } hadKk)
                    report.Differs.Add($"{home.ClassName}.kk: «{Short(site.Ru)}» keeps «{Short(hadKk)}», source had «{Short(kk)}»");
                if (site.En is { } en && Resx(home, "en").Add(site.Ru, en) is { } hadEn)
                    report.Differs.Add($"{home.ClassName}.en: «{Short(site.Ru)}» keeps «{Short(hadEn)}», source had «{Short(en)}»");
            }
            var rewritten = TextScanner.Rewrite(source, sites);
            if (!isView && sites.Any(s => s.Kind == SiteKind.Indexer)) rewritten = TypedLang(rewritten, fileHome);
            if (rewritten != source)
            {
                report.ChangedFiles.Add($"{shown}: {sites.Count(s => s.IsPair)} pairs");
                if (write) File.WriteAllText(path, rewritten);
            }
        }

        foreach (var (home, key, where) in report.Keys)
        {
            if (!Resx(home, "kk").Has(key)) report.MissingKk.Add($"{home.ClassName}: «{Short(key)}» ({where})");
            if (!Resx(home, "en").Has(key)) report.MissingEn.Add($"{home.ClassName}: «{Short(key)}» ({where})");
        }
        if (!write) return report;
        foreach (var file in resx.Values.Where(f => f.Changed)) { report.ChangedFiles.Add(Path.GetRelativePath(root, file.Path)); file.Save(); }
        foreach (var home in viewHomes.Concat(codeHomes).Append(TextHome.Domain).Distinct())
            WriteMarker(web, home, report, root);
        foreach (var home in viewHomes) WriteInject(web, home, report, root);
        return report;
    }

    private static IEnumerable<(string Path, string Relative)> SourceFiles(string root)
    {
        foreach (var project in new[] { "src/OpenAlmaty.Kindergarten.Web", "src/OpenAlmaty.Kindergarten.Domain" })
        {
            var dir = Path.Combine(root, project);
            foreach (var path in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!path.EndsWith(".cs", StringComparison.Ordinal) && !path.EndsWith(".cshtml", StringComparison.Ordinal)) continue;
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                var inner = relative[(project.Length + 1)..];
                // Lang documents the old form; Data holds demo names and migrations, not texts; the
                // referral PDF is Russian and Kazakh side by side by design (it reads rule texts
                // through Lang.Of(text, "kk")).
                if (inner.StartsWith("bin/", StringComparison.Ordinal) || inner.StartsWith("obj/", StringComparison.Ordinal)
                    || inner.StartsWith("Localization/", StringComparison.Ordinal) || inner.StartsWith("Data/", StringComparison.Ordinal)
                    || inner.StartsWith("Documents/", StringComparison.Ordinal)) continue;
                yield return (path, relative);
            }
        }
    }

    [GeneratedRegex(@"\bLang(\s+)lang\b")]
    private static partial Regex PlainLang();

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    /// A class that says `lang["…"]` gets its folder's texts: `Lang lang` becomes `Lang<XTexts> lang`.
    private static string TypedLang(string source, TextHome home)
    {
        var ns = FileNamespace().Match(source) is { Success: true } m ? m.Groups[1].Value : "";
        var name = ns == home.Namespace ? home.ClassName : home.FullName;
        return PlainLang().Replace(source, $"Lang<{name}>$1lang");
    }

    private static void WriteMarker(string web, TextHome home, LocalizeReport report, string root)
    {
        var path = Path.Combine(web, home.Folder, home.ClassName + ".cs");
        if (File.Exists(path)) return;
        File.WriteAllText(path, home.MarkerSource);
        report.ChangedFiles.Add(Path.GetRelativePath(root, path));
    }

    /// Views take `L` from the closest _ViewImports: the folder's one injects its own texts.
    private static void WriteInject(string web, TextHome home, LocalizeReport report, string root)
    {
        var path = home.ViewImportsPath(web);
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        if (lines.Contains(home.InjectLine)) return;
        lines.RemoveAll(l => l.StartsWith("@inject", StringComparison.Ordinal) && l.Contains(".Localization.Lang", StringComparison.Ordinal) && l.EndsWith(" L", StringComparison.Ordinal));
        lines.Add(home.InjectLine);
        File.WriteAllLines(path, lines);
        report.ChangedFiles.Add(Path.GetRelativePath(root, path));
    }

    private static string Short(string s)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length > 90 ? s[..90] + "…" : s;
    }
}

public sealed class LocalizeReport
{
    public List<(TextHome Home, string Key, string Where)> Keys { get; } = [];
    public List<string> ChangedFiles { get; } = [];
    public List<string> Hand { get; } = [];
    public List<string> MissingKk { get; } = [];
    public List<string> MissingEn { get; } = [];
    public List<string> Differs { get; } = [];

    public bool Clean => Hand.Count == 0 && MissingKk.Count == 0 && MissingEn.Count == 0;

    public void Print(TextWriter o)
    {
        o.WriteLine($"localize: {Keys.Count} texts in sources, {ChangedFiles.Count} files written or to write.");
        Section(o, "Written", ChangedFiles);
        Section(o, "Convert by hand (interpolated or not literal; write the Russian with {0} placeholders, the values as arguments)", Hand);
        Section(o, "Resource kept its own translation (check which is right)", Differs);
        Section(o, "No kk entry", MissingKk);
        Section(o, "No en entry", MissingEn);
    }

    private static void Section(TextWriter o, string title, List<string> lines)
    {
        o.WriteLine($"== {title}: {lines.Count}");
        foreach (var line in lines.Distinct()) o.WriteLine("  " + line);
    }
}
