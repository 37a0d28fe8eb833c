using System.Globalization;
using System.Text;

namespace OpenAlmaty.Kindergarten.Bench;

/// Latency over time as an SVG scatter (one dot a request) with each series' p95 per second as
/// a line; dots above the top are drawn on it. No chart library: a few hundred lines of markup.
public static class SvgChart
{
    private const int W = 960, H = 420, L = 60, R = 20, T = 40, B = 50;

    public static string Draw(string title, IReadOnlyCollection<Sample> samples, IReadOnlyList<(string Label, string Colour)> series)
    {
        var shown = samples.Where(s => series.Any(x => x.Label == s.Label)).ToList();
        var endS = Math.Max(1, shown.Count == 0 ? 1 : shown.Max(s => (s.StartMs + s.LatencyMs) / 1000));
        var p99 = shown.Count == 0 ? 1 : Stats.Percentile([.. shown.Select(s => s.LatencyMs).Order()], 0.99);
        var topMs = NiceCeiling(Math.Max(10, p99 * 1.25));
        double X(double seconds) => L + seconds / endS * (W - L - R);
        double Y(double ms) => H - B - Math.Min(ms, topMs) / topMs * (H - T - B);
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Inv($"<rect width=\"{W}\" height=\"{H}\" fill=\"white\"/>\n<text x=\"{L}\" y=\"22\" font-size=\"15\">{Escape(title)}</text>\n"));
        for (var i = 0; i <= 5; i++)
        {
            var ms = topMs * i / 5;
            svg.Append(Inv($"<line x1=\"{L}\" x2=\"{W - R}\" y1=\"{Y(ms):F1}\" y2=\"{Y(ms):F1}\" stroke=\"#ddd\"/><text x=\"{L - 6}\" y=\"{Y(ms) + 4:F1}\" text-anchor=\"end\">{ms:0} ms</text>\n"));
            var s = endS * i / 5;
            svg.Append(Inv($"<text x=\"{X(s):F1}\" y=\"{H - B + 18}\" text-anchor=\"middle\">{s:0.#} s</text>\n"));
        }
        svg.Append(Inv($"<text x=\"{(L + W - R) / 2}\" y=\"{H - 10}\" text-anchor=\"middle\">time since the rush began (request start)</text>\n"));
        foreach (var (label, colour) in series)
        {
            svg.Append(Inv($"<g fill=\"{colour}\" fill-opacity=\"0.45\">"));
            foreach (var s in shown.Where(s => s.Label == label))
                svg.Append(Inv($"<circle cx=\"{X(s.StartMs / 1000):F1}\" cy=\"{Y(s.LatencyMs):F1}\" r=\"1.6\"/>"));
            svg.Append("</g>\n");
            var perSecond = shown.Where(s => s.Label == label).GroupBy(s => (int)(s.StartMs / 1000)).OrderBy(g => g.Key)
                .Select(g => (Second: g.Key + 0.5, P95: Stats.Percentile([.. g.Select(s => s.LatencyMs).Order()], 0.95))).ToList();
            if (perSecond.Count > 1)
                svg.Append(Inv($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', perSecond.Select(p => Inv($"{X(p.Second):F1},{Y(p.P95):F1}")))}\"/>\n"));
        }
        var legendX = W - R - 300;
        for (var i = 0; i < series.Count; i++)
            svg.Append(Inv($"<rect x=\"{legendX}\" y=\"{12 + i * 16}\" width=\"10\" height=\"10\" fill=\"{series[i].Colour}\"/><text x=\"{legendX + 16}\" y=\"{21 + i * 16}\">{Escape(series[i].Label)} (dots; line = p95 per second)</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * magnitude >= value) return step * magnitude;
        return 10 * magnitude;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
