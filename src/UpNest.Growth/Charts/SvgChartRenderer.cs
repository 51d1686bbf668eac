using System.Globalization;
using System.Text;

namespace UpNest.Growth.Charts;

/// <summary>Percentile lines (P3…P97) or z-score lines (−3…+3).</summary>
public enum ChartStyle
{
    Percentiles,
    ZScores,
}

/// <param name="Title">Replaces the generated title (escaped like all text).</param>
public sealed record SvgChartOptions(ChartStyle Style = ChartStyle.Percentiles, string? Title = null);

/// <summary>
/// Draws a WHO growth chart as a standalone SVG string (no dependencies): shaded normal band,
/// labelled curves, gridlines, axes with units, the baby's points joined, and a note when
/// corrected age is used.
/// </summary>
public static class SvgChartRenderer
{
    private const double Width = 1000, Height = 700;
    private const double Left = 84, Right = 900, Top = 96, Bottom = 612;

    public static string Render(ChartData data, SvgChartOptions? options = null)
    {
        options ??= new SvgChartOptions();
        var curves = options.Style == ChartStyle.Percentiles ? data.Centiles : data.ZScoreLines;
        var (accent, band, bandInner) = data.Sex == Sex.Male ? ("#1f5fa8", "#e3eefa", "#c9ddf3") : ("#b0306a", "#fbe8f0", "#f5cfe0");

        var values = curves.SelectMany(c => c.Points).Select(p => p.Y).Concat(data.Points.Select(p => p.Value)).ToList();
        var yStep = ChartScale.NiceStep(values.Max() - values.Min(), 10);
        var yMin = Math.Floor(values.Min() / yStep) * yStep;
        var yMax = Math.Ceiling(values.Max() / yStep) * yStep;
        var x = new ChartScale(data.Range.From, data.Range.To, Left, Right);
        var y = new ChartScale(yMin, yMax, Bottom, Top);

        var svg = new StringBuilder(32_768);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"Helvetica, Arial, sans-serif\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        Text(svg, Left, 38, options.Title ?? DefaultTitle(data), "font-size=\"22\" font-weight=\"bold\" fill=\"" + accent + "\"");
        Text(svg, Left, 62, Subtitle(data), "font-size=\"14\" fill=\"#444\"");
        if (data.UsesCorrectedAge)
            Text(svg, Left, 82, "Note: points are plotted at corrected age (age minus the weeks born early), as advised until 24 months.", "font-size=\"13\" font-style=\"italic\" fill=\"#8a4b00\"");

        Bands(svg, data, curves, x, y, band, bandInner);
        Grid(svg, data, x, y, yMin, yMax, yStep);
        Curves(svg, curves, x, y);
        Points(svg, data, x, y, accent);
        Legend(svg, options.Style, accent, bandInner);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Bands(StringBuilder svg, ChartData data, IReadOnlyList<ChartCurve> curves, ChartScale x, ChartScale y, string outer, string inner)
    {
        // Outer band P3–P97 (or −2..+2 SD), inner band P15–P85 (or −1..+1 SD): the usual range.
        var style = curves == data.Centiles;
        Band(svg, style ? curves[0] : curves[1], style ? curves[4] : curves[5], x, y, outer);
        Band(svg, style ? curves[1] : curves[2], style ? curves[3] : curves[4], x, y, inner);
    }

    private static void Band(StringBuilder svg, ChartCurve low, ChartCurve high, ChartScale x, ChartScale y, string fill)
    {
        svg.Append("<polygon fill=\"").Append(fill).Append("\" stroke=\"none\" points=\"");
        foreach (var p in high.Points) svg.Append(ChartScale.Pixel(x.Map(p.X))).Append(',').Append(ChartScale.Pixel(y.Map(p.Y))).Append(' ');
        for (var i = low.Points.Count - 1; i >= 0; i--)
            svg.Append(ChartScale.Pixel(x.Map(low.Points[i].X))).Append(',').Append(ChartScale.Pixel(y.Map(low.Points[i].Y))).Append(' ');
        svg.Append("\"/>\n");
    }

    private static void Grid(StringBuilder svg, ChartData data, ChartScale x, ChartScale y, double yMin, double yMax, double yStep)
    {
        var (ticks, xTitle) = XTicks.For(data);
        foreach (var t in ticks)
        {
            var px = ChartScale.Pixel(x.Map(t.X));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{px}\" y1=\"{Top}\" x2=\"{px}\" y2=\"{Bottom}\" stroke=\"{(t.Major ? "#9a9a9a" : "#dcdcdc")}\" stroke-width=\"{(t.Major ? 1.4 : 0.8)}\"/>\n");
            if (t.Label is not null) Text(svg, x.Map(t.X), Bottom + 20, t.Label, "font-size=\"13\" text-anchor=\"middle\" fill=\"#333\"");
        }
        for (var v = yMin; v <= yMax + yStep / 2; v += yStep)
        {
            var py = ChartScale.Pixel(y.Map(v));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{py}\" x2=\"{Right}\" y2=\"{py}\" stroke=\"#dcdcdc\" stroke-width=\"0.8\"/>\n");
            Text(svg, Left - 8, y.Map(v) + 4, ChartScale.Number(v), "font-size=\"13\" text-anchor=\"end\" fill=\"#333\"");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Right - Left}\" height=\"{Bottom - Top}\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\"/>\n");
        Text(svg, (Left + Right) / 2, Bottom + 44, xTitle, "font-size=\"15\" text-anchor=\"middle\" fill=\"#222\"");
        var yTitle = $"{ValueName(data.Indicator)} ({data.ValueUnit})";
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"26\" y=\"{(Top + Bottom) / 2}\" font-size=\"15\" text-anchor=\"middle\" fill=\"#222\" transform=\"rotate(-90 26 {(Top + Bottom) / 2})\">{Escape(yTitle)}</text>\n");
    }

    private static void Curves(StringBuilder svg, IReadOnlyList<ChartCurve> curves, ChartScale x, ChartScale y)
    {
        var labels = new List<(double Y, ChartCurve Curve, string Color)>();
        foreach (var c in curves)
        {
            var distance = Math.Abs(Math.Round(c.ZScore, 6));
            var (color, width) = distance < 0.01 ? ("#1a7f37", 2.4) : distance < 1.5 ? ("#d97706", 1.6) : distance < 2.5 ? ("#c62828", 1.8) : ("#222222", 1.6);
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{width}\" points=\"");
            foreach (var p in c.Points) svg.Append(ChartScale.Pixel(x.Map(p.X))).Append(',').Append(ChartScale.Pixel(y.Map(p.Y))).Append(' ');
            svg.Append("\"/>\n");
            labels.Add((y.Map(c.Points[^1].Y), c, color));
        }
        // Curve labels at the right edge, nudged apart so close curves stay readable.
        labels.Sort((a, b) => b.Y.CompareTo(a.Y));
        var lastY = double.MaxValue;
        foreach (var (labelY, curve, color) in labels)
        {
            var placed = Math.Min(labelY + 4, lastY - 14);
            Text(svg, Right + 8, placed, curve.Label, $"font-size=\"13\" font-weight=\"bold\" fill=\"{color}\"");
            lastY = placed;
        }
    }

    private static void Points(StringBuilder svg, ChartData data, ChartScale x, ChartScale y, string accent)
    {
        if (data.Points.Count == 0) return;
        if (data.Points.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{accent}\" stroke-width=\"2.2\" points=\"");
            foreach (var p in data.Points) svg.Append(ChartScale.Pixel(x.Map(p.X))).Append(',').Append(ChartScale.Pixel(y.Map(p.Value))).Append(' ');
            svg.Append("\"/>\n");
        }
        foreach (var p in data.Points)
        {
            var tip = $"{(p.MeasuredOn is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ": " : "")}{ChartScale.Number(p.Value)} {data.ValueUnit}" +
                      (p.ZScore is { } z ? $", z {z.ToString("0.00", CultureInfo.InvariantCulture)}" : "") +
                      (p.Percentile is { } pc ? $", percentile {pc.ToString("0.0", CultureInfo.InvariantCulture)}" : "");
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" cx=\"{ChartScale.Pixel(x.Map(p.X))}\" cy=\"{ChartScale.Pixel(y.Map(p.Value))}\" r=\"5\" fill=\"#ffffff\" stroke=\"{accent}\" stroke-width=\"2.4\"><title>{Escape(tip)}</title></circle>\n");
        }
    }

    private static void Legend(StringBuilder svg, ChartStyle style, string accent, string band)
    {
        const double y = Height - 20;
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Left + 6}\" cy=\"{y - 4}\" r=\"5\" fill=\"#ffffff\" stroke=\"{accent}\" stroke-width=\"2.4\"/>\n");
        Text(svg, Left + 18, y, "Your baby's measurements", "font-size=\"13\" fill=\"#333\"");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 220}\" y=\"{y - 12}\" width=\"22\" height=\"12\" fill=\"{band}\"/>\n");
        var range = style == ChartStyle.Percentiles ? "15th to 85th percentile (lighter: 3rd to 97th)" : "-1 to +1 SD (lighter: -2 to +2 SD)";
        Text(svg, Left + 250, y, range, "font-size=\"13\" fill=\"#333\"");
        Text(svg, Right, y, "Source: WHO, CC BY-NC-SA 3.0 IGO", "font-size=\"11\" text-anchor=\"end\" fill=\"#777\"");
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string attributes) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{ChartScale.Pixel(x)}\" y=\"{ChartScale.Pixel(y)}\" {attributes}>{Escape(text)}</text>\n");

    /// <summary>XML-escapes text so titles and notes from users cannot break or inject markup.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ when char.IsControl(c) && c is not ('\t' or '\n' or '\r') => "",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static string DefaultTitle(ChartData data)
    {
        var name = data.Indicator.ToApiName();
        return $"{char.ToUpperInvariant(name[0])}{name[1..]}: {(data.Sex == Sex.Male ? "Boys" : "Girls")}";
    }

    private static string Subtitle(ChartData data)
    {
        if (data.Axis == ChartAxis.LengthCm)
            return $"WHO Child Growth Standards 2006, {ChartScale.Number(data.Range.From)} to {ChartScale.Number(data.Range.To)} cm";
        var source = data.Range.To <= ZScores.WhoRules.LastDay2006 ? "WHO Child Growth Standards 2006"
            : data.Range.From > ZScores.WhoRules.LastDay2006 ? "WHO Growth Reference 2007" : "WHO Child Growth Standards 2006 and Growth Reference 2007";
        var from = data.Range.From < 1 ? "birth" : Age(data.Range.From);
        return $"{source}, {from} to {Age(data.Range.To)}";
    }

    private static string Age(double days)
    {
        var months = days / ZScores.WhoRules.DaysPerMonth;
        return months > 36 && Math.Abs(months / 12 - Math.Round(months / 12)) < 0.01
            ? $"{ChartScale.Number(Math.Round(months / 12))} years"
            : $"{ChartScale.Number(Math.Round(months, 1))} months";
    }

    private static string ValueName(Indicator indicator) => indicator switch
    {
        Indicator.WeightForAge or Indicator.WeightForLength or Indicator.WeightForHeight => "Weight",
        Indicator.LengthHeightForAge => "Length / height",
        Indicator.BmiForAge => "BMI",
        Indicator.HeadCircumferenceForAge => "Head circumference",
        Indicator.ArmCircumferenceForAge => "Mid-upper arm circumference",
        Indicator.TricepsSkinfoldForAge => "Triceps skinfold",
        _ => "Subscapular skinfold",
    };
}
