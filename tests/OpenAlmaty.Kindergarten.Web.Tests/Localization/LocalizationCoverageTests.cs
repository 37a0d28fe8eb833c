using OpenAlmaty.Kindergarten.Tools.Localize;

namespace OpenAlmaty.Kindergarten.Web.Tests.Localization;

/// Every text the portal shows is in the resources (docs/decisions/0019): the same scan as
/// `localize --check` over the portal's and the domain's sources. It fails when a view or a class
/// uses a key that has no Kazakh or no English entry in its folder's .kk.resx/.en.resx, and when a
/// text is still written inline as a ru/kk pair (run `localize` to move it), or kept outside the
/// resources in another shape (a Kazakh literal, Cyrillic literals side by side: `new ReportTable("ru", "kk")`).
public sealed class LocalizationCoverageTests
{
    private static readonly LocalizeReport Report = LocalizeCommand.Run(FindRoot(), write: false);

    /// Kazakh or side-by-side literals kept outside the resources on purpose: the header switch's
    /// labels, each in its own language; the number words NumberWord spells; the city department's
    /// name eGov Mobile shows (a setting per language).
    private static readonly string[] OnPurpose =
        ["Web/Views/Shared/_Layout.cshtml", "Domain/Rules/RuleTexts.cs", "Web/Features/EgovMobile/EgovMobileSetup.cs"];

    [Fact]
    public void Sources_FindTheTexts()
    {
        Assert.True(Report.Keys.Count > 600, $"only {Report.Keys.Count} texts found: the scan is broken");
    }

    [Fact]
    public void Sources_NoTextWrittenAsAnInlinePair()
    {
        Assert.True(Report.ChangedFiles.Count == 0, "inline pairs left (run localize): " + string.Join("; ", Report.ChangedFiles));
        var hand = Report.Hand.Where(h => !OnPurpose.Any(file => h.StartsWith(file + ":", StringComparison.Ordinal))).ToList();
        Assert.True(hand.Count == 0, "texts outside the resources (interpolated, variables, a Kazakh literal, literals side by side): "
            + string.Join("; ", hand));
    }

    [Fact]
    public void EveryKey_HasAKazakhEntry()
    {
        Assert.True(Report.MissingKk.Count == 0, $"{Report.MissingKk.Count} without kk: " + string.Join("; ", Report.MissingKk.Take(20)));
    }

    [Fact]
    public void EveryKey_HasAnEnglishEntry()
    {
        Assert.True(Report.MissingEn.Count == 0, $"{Report.MissingEn.Count} without en: " + string.Join("; ", Report.MissingEn.Take(20)));
    }

    /// The resource build treats names case-insensitively and drops the second of «Мест»/«мест»
    /// (warning MSB3568), so that text shows in Russian on kk and en pages.
    [Fact]
    public void ResourceFiles_NoTwoKeysDifferOnlyInCase()
    {
        var clashes = Directory.EnumerateFiles(Path.Combine(FindRoot(), "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => System.Xml.Linq.XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
                .GroupBy(n => n.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => $"{Path.GetFileName(f)}: {string.Join(" / ", g)}"))
            .ToList();

        Assert.True(clashes.Count == 0, string.Join("; ", clashes));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenAlmaty.Kindergarten.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root was not found.");
    }
}
