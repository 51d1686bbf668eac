namespace UpNest.Growth.Tests.Support;

/// <summary>Compares one WHO z-score cell (and its flag cell, when the file has one) with our result.</summary>
internal static class VectorCheck
{
    /// <param name="blankMayBeFlagged">T3 blanks values outside the flag limits, so a blank may be a flagged z.</param>
    public static void Compare(MatchTally tally, string where, CsvTable.Row row, string zColumn, string? flagColumn,
        ZScoreResult? ours, bool blankMayBeFlagged = false)
    {
        var who = row.Number(zColumn);
        if (who is null)
        {
            var agreed = ours?.ZScore is null || (blankMayBeFlagged && ours.IsImplausible);
            tally.Blank($"{where} {zColumn}", agreed, $"ours {ours?.ZScore} {ours?.Flag}");
        }
        else
        {
            tally.Z($"{where} {zColumn}", who, ours?.ZScore);
        }
        if (flagColumn is null) return;
        var whoFlag = row[flagColumn];
        if (whoFlag.Length == 0)
        {
            if (who is not null) tally.Fail($"{where} {flagColumn}: WHO z without flag");
            return;
        }
        tally.Flag($"{where} {flagColumn}", whoFlag == "1", ours?.IsImplausible ?? false);
    }

    public static ZScoreResult? Find(GrowthResult result, GrowthReference reference, params Indicator[] indicators) =>
        result.Results.FirstOrDefault(r => r.Reference == reference && indicators.Contains(r.Indicator));

    public static MeasurementPosition Position(string measure) => measure.Trim().ToLowerInvariant() switch
    {
        "l" => MeasurementPosition.Recumbent,
        "h" => MeasurementPosition.Standing,
        _ => MeasurementPosition.Unknown,
    };
}
