using System.Globalization;

namespace UpNest.Growth.Charts;

/// <summary>Linear mapping from data to pixels and "nice" tick steps (1, 2, 5 × 10^k).</summary>
internal readonly record struct ChartScale(double DataMin, double DataMax, double PixelMin, double PixelMax)
{
    public double Map(double value) => PixelMin + (value - DataMin) / (DataMax - DataMin) * (PixelMax - PixelMin);

    public static double NiceStep(double span, int targetTicks)
    {
        var raw = span / targetTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        var nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Pixel(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One tick on the x axis: where, whether it carries a label, the label, and whether it is a major (year) line.</summary>
internal readonly record struct XTick(double X, string? Label, bool Major);

/// <summary>Age ticks in months (up to 3 years) or years, length ticks in cm, with the axis title.</summary>
internal static class XTicks
{
    public static (List<XTick> Ticks, string Title) For(ChartData data)
    {
        var ticks = new List<XTick>();
        var (from, to) = (data.Range.From, data.Range.To);
        if (data.Axis == ChartAxis.LengthCm)
        {
            for (var cm = Math.Ceiling(from); cm <= to; cm++)
                ticks.Add(new XTick(cm, cm % 5 == 0 ? ChartScale.Number(cm) : null, cm % 10 == 0));
            return (ticks, data.Indicator == Indicator.WeightForHeight ? "Height (cm)" : "Length (cm)");
        }
        var days = ZScores.WhoRules.DaysPerMonth;
        var spanMonths = (to - from) / days;
        if (spanMonths <= 36)
        {
            var labelEvery = spanMonths <= 12 ? 1 : 2;
            for (var m = (int)Math.Ceiling(from / days); m * days <= to + 1e-9; m++)
            {
                var label = m % labelEvery == 0 ? m.ToString(CultureInfo.InvariantCulture) : null;
                ticks.Add(new XTick(m * days, label, m % 12 == 0));
            }
            return (ticks, "Age (completed months; bold lines mark whole years)");
        }
        var stepMonths = spanMonths <= 72 ? 3 : 12;
        for (var m = (int)Math.Ceiling(from / days / stepMonths) * stepMonths; m * days <= to + 1e-9; m += stepMonths)
        {
            var label = m % 12 == 0 ? (m / 12).ToString(CultureInfo.InvariantCulture) : null;
            // In year steps every line is a year, so only every fifth one is drawn bold.
            ticks.Add(new XTick(m * days, label, stepMonths == 12 ? m % 60 == 0 : m % 12 == 0));
        }
        return (ticks, "Age (years)");
    }
}
