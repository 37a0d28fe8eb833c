using System.Text;
using System.Text.RegularExpressions;

namespace OpenAlmaty.Kindergarten.Tools.Localize;

/// Where a text is written in the source: `L["ru", "kk"(, "en")]` / `lang[…]` (an indexer) or
/// `new LocalizedText("ru", "kk"(, "en"))` / target-typed `new("ru", "kk"…)` (a message). Each
/// argument is one or more plain or verbatim literals joined by `+`; anything else (an interpolated
/// string, a variable) is not rewritten and is listed for a person to convert.
public enum SiteKind { Indexer, Message }

public sealed record TextSite(SiteKind Kind, int Start, int Line, IReadOnlyList<string> Texts, int FirstArgEnd, int LastArgEnd)
{
    public string Ru => Texts[0];
    public string? Kk => Texts.Count > 1 ? Texts[1] : null;
    public string? En => Texts.Count > 2 ? Texts[2] : null;
    public bool IsPair => Texts.Count > 1;
}

public sealed record HandSite(int Line, string Excerpt);

public static partial class TextScanner
{
    [GeneratedRegex(@"(?<![\w.])(?:L|lang)\s*\[")]
    private static partial Regex IndexerOpening();

    [GeneratedRegex(@"(?<![\w.])new\s*(?:LocalizedText\s*)?\(")]
    private static partial Regex MessageOpening();

    /// A literal with a letter only Kazakh has: Kazakh text that no resource holds yet.
    [GeneratedRegex("\"[^\"\n]*[әғқңөұүһіӘҒҚҢӨҰҮҺІ][^\"\n]*\"")]
    private static partial Regex KazakhLiteral();

    /// Two Cyrillic literals side by side as arguments or list items (`new X("ru", "kk", …)`,
    /// `IsKazakh ? ["Дс", …] : ["Пн", …]`, a list of Russian column names): texts kept outside the
    /// resources in a shape the forms above do not cover. Kazakh without a letter only Kazakh has
    /// («Апта бойынша жолдамалар») is caught here too.
    [GeneratedRegex("\"[^\"\n]*[\u0400-\u04FF][^\"\n]*\"\\s*,\\s*\"[^\"\n]*[\u0400-\u04FF][^\"\n]*\"")]
    private static partial Regex CyrillicSideBySide();

    public static bool HasCyrillic(string s) => s.Any(c => c is >= '\u0400' and <= '\u04FF');

    public static (List<TextSite> Sites, List<HandSite> Hand) Scan(string source)
    {
        var sites = new List<TextSite>();
        var hand = new List<HandSite>();
        foreach (Match m in IndexerOpening().Matches(source))
            Visit(source, m, SiteKind.Indexer, ']', sites, hand);
        foreach (Match m in MessageOpening().Matches(source))
            Visit(source, m, SiteKind.Message, ')', sites, hand);
        sites.Sort((a, b) => a.FirstArgEnd.CompareTo(b.FirstArgEnd));
        foreach (Match k in KazakhLiteral().Matches(source))
        {
            if (InComment(source, k.Index) || sites.Any(x => x.Start <= k.Index && k.Index < x.LastArgEnd)
                || hand.Any(h => h.Line == LineOf(source, k.Index))) continue;
            hand.Add(new HandSite(LineOf(source, k.Index), "Kazakh literal outside L[…]/LocalizedText: " + Excerpt(source, k.Index)));
        }
        foreach (Match c in CyrillicSideBySide().Matches(source))
        {
            if (InComment(source, c.Index) || sites.Any(x => x.Start <= c.Index && c.Index < x.LastArgEnd)
                || hand.Any(h => h.Line == LineOf(source, c.Index))) continue;
            hand.Add(new HandSite(LineOf(source, c.Index), "Cyrillic literals side by side outside L[…]/LocalizedText: " + Excerpt(source, c.Index)));
        }
        hand.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (sites, hand);
    }

    private static void Visit(string s, Match m, SiteKind kind, char close, List<TextSite> sites, List<HandSite> hand)
    {
        if (InComment(s, m.Index)) return;
        var line = LineOf(s, m.Index);
        var texts = new List<string>();
        var ends = new List<int>();
        var p = m.Index + m.Length;
        while (true)
        {
            p = SkipSpace(s, p);
            var (text, end, interpolated) = LiteralExpression(s, p);
            if (text is null && !interpolated && kind == SiteKind.Message && texts.Count >= 1 && HasCyrillic(texts[0]))
                break; // new("ru {0}", "kk {0}", value): the values stay as the message's arguments
            if (text is null)
            {
                // Not literals: a pair written with variables or interpolation is for a person.
                var firstIsText = interpolated || texts.Count > 0;
                if (firstIsText && (kind == SiteKind.Indexer || texts.Count == 0 || HasCyrillic(texts[0]) || interpolated))
                    hand.Add(new HandSite(line, Excerpt(s, m.Index)));
                else if (kind == SiteKind.Indexer && HasTopLevelComma(s, m.Index + m.Length, close))
                    hand.Add(new HandSite(line, Excerpt(s, m.Index)));
                return;
            }
            texts.Add(text);
            ends.Add(end);
            p = SkipSpace(s, end);
            if (p < s.Length && s[p] == ',' && !(kind == SiteKind.Message && texts.Count == 3)) { p++; continue; }
            if (kind == SiteKind.Message && texts.Count == 3 && p < s.Length && s[p] == ',') break;
            if (p < s.Length && s[p] == close) break;
            return; // an expression that merely starts with a literal
        }
        if (texts.Count > 3 || !HasCyrillic(texts[0])) return;
        if (kind == SiteKind.Message && texts.Count > 1 && !HasCyrillic(texts[1])) return;
        sites.Add(new TextSite(kind, m.Index, line, texts, ends[0], ends[^1]));
    }

    /// One literal or several joined by `+`. Returns the value, where it ends, and whether an
    /// interpolated literal stopped it.
    private static (string? Text, int End, bool Interpolated) LiteralExpression(string s, int p)
    {
        var sb = new StringBuilder();
        var any = false;
        while (true)
        {
            if (p < s.Length && (s[p] == '$' || (s[p] == '@' && p + 1 < s.Length && s[p + 1] == '$')))
                return (null, p, true);
            string? part;
            int end;
            if (p + 1 < s.Length && s[p] == '@' && s[p + 1] == '"') (part, end) = Verbatim(s, p + 2);
            else if (p < s.Length && s[p] == '"' && !(p + 2 < s.Length && s[p + 1] == '"' && s[p + 2] == '"')) (part, end) = Regular(s, p + 1);
            else return (any ? sb.ToString() : null, p, false);
            if (part is null) return (null, p, false);
            sb.Append(part);
            any = true;
            var q = SkipSpace(s, end);
            if (q < s.Length && s[q] == '+')
            {
                var r = SkipSpace(s, q + 1);
                if (r < s.Length && (s[r] == '"' || s[r] == '@' || s[r] == '$')) { p = r; continue; }
            }
            return (sb.ToString(), end, false);
        }
    }

    private static (string?, int) Regular(string s, int p)
    {
        var sb = new StringBuilder();
        while (p < s.Length)
        {
            var c = s[p];
            if (c == '"') return (sb.ToString(), p + 1);
            if (c == '\n') return (null, p);
            if (c != '\\') { sb.Append(c); p++; continue; }
            var e = s[p + 1];
            p += 2;
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'u':
                    sb.Append((char)Convert.ToInt32(s.Substring(p, 4), 16));
                    p += 4;
                    break;
                default: sb.Append(e); break; // \" \\ \'
            }
        }
        return (null, p);
    }

    private static (string?, int) Verbatim(string s, int p)
    {
        var sb = new StringBuilder();
        while (p < s.Length)
        {
            if (s[p] == '"')
            {
                if (p + 1 < s.Length && s[p + 1] == '"') { sb.Append('"'); p += 2; continue; }
                return (sb.ToString(), p + 1);
            }
            sb.Append(s[p++]);
        }
        return (null, p);
    }

    private static int SkipSpace(string s, int p)
    {
        while (p < s.Length)
        {
            if (char.IsWhiteSpace(s[p])) { p++; continue; }
            if (p + 1 < s.Length && s[p] == '/' && s[p + 1] == '/')
            {
                while (p < s.Length && s[p] != '\n') p++;
                continue;
            }
            break;
        }
        return p;
    }

    private static bool HasTopLevelComma(string s, int p, char close)
    {
        var depth = 0;
        for (; p < s.Length; p++)
        {
            var c = s[p];
            if (c == '"') { p++; while (p < s.Length && s[p] != '"') p += s[p] == '\\' ? 2 : 1; continue; }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') { if (depth == 0) return false; depth--; }
            else if (c == ',' && depth == 0) return true;
            else if (c == '\n' && depth == 0 && close == ']') return false;
        }
        return false;
    }

    private static bool InComment(string s, int at)
    {
        var start = s.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var before = s[start..at];
        return before.Contains("//", StringComparison.Ordinal) && !before.Contains('"', StringComparison.Ordinal)
            || before.TrimStart().StartsWith('*') || before.Contains("@*", StringComparison.Ordinal);
    }

    public static int LineOf(string s, int at) => s.AsSpan(0, at).Count('\n') + 1;

    private static string Excerpt(string s, int at)
    {
        var end = s.IndexOf('\n', at);
        var line = (end < 0 ? s[at..] : s[at..end]).Trim();
        return line.Length > 110 ? line[..110] + "…" : line;
    }

    /// The source with every pair reduced to its Russian key: the kk/en arguments are cut out, the
    /// Russian argument is kept exactly as written (its literals, escapes and line breaks).
    public static string Rewrite(string source, IEnumerable<TextSite> sites)
    {
        var sb = new StringBuilder(source.Length);
        var at = 0;
        foreach (var site in sites.Where(x => x.IsPair).OrderBy(x => x.FirstArgEnd))
        {
            if (site.FirstArgEnd < at) continue;
            sb.Append(source, at, site.FirstArgEnd - at);
            at = site.LastArgEnd;
        }
        sb.Append(source, at, source.Length - at);
        return sb.ToString();
    }
}
