namespace OpenAlmaty.Kindergarten.Tools.Localize;

/// The resource a text belongs to (docs/decisions/0019): one pair of .kk.resx/.en.resx per
/// feature folder (Features/Choose, Features/Admin/Staff), named after a marker class that sits
/// beside them; the layout's texts in Localization/LayoutTexts; every LocalizedText (domain errors,
/// rule texts, messages handed between layers) in Localization/DomainTexts, because it is
/// translated where it is shown, far from where it was made.
public sealed record TextHome(string Folder, string Namespace, string ClassName)
{
    public const string RootNamespace = "OpenAlmaty.Kindergarten.Web";

    public static readonly TextHome Domain = new("Localization", RootNamespace + ".Localization", "DomainTexts");
    public static readonly TextHome Layout = new("Localization", RootNamespace + ".Localization", "LayoutTexts");

    public string FullName => Namespace + "." + ClassName;

    public string ResxPath(string webProject, string language) =>
        Path.Combine(webProject, Folder, $"{ClassName}.{language}.resx");

    /// <paramref name="relative"/>: the file's path inside the Web project, with '/'.
    public static TextHome ForFile(string relative)
    {
        var dirs = relative.Split('/')[..^1];
        if (dirs.Length == 0 || dirs[0] == "Views" || dirs[0] == "Localization") return Layout;
        var take = dirs[0] == "Features"
            ? Math.Max(2, Array.IndexOf(dirs, "Views") is var v and > 0 ? v : dirs.Length)
            : 1;
        var folder = dirs[..Math.Min(take, dirs.Length)];
        return new TextHome(string.Join('/', folder), RootNamespace + "." + string.Join('.', folder), folder[^1] + "Texts");
    }

    public string ViewImportsPath(string webProject) =>
        this == Layout ? Path.Combine(webProject, "_ViewImports.cshtml") : Path.Combine(webProject, Folder, "_ViewImports.cshtml");

    public string InjectLine => $"@inject {RootNamespace}.Localization.Lang<{FullName}> L";

    public string MarkerSource => $$"""
        namespace {{Namespace}};

        /// The resource of this folder's texts ({{ClassName}}.kk.resx, {{ClassName}}.en.resx): the Russian
        /// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
        public sealed class {{ClassName}}
        {
        }

        """;
}
