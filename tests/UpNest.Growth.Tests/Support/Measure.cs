using UpNest.Growth.Standards;
using UpNest.Growth.ZScores;

namespace UpNest.Growth.Tests.Support;

/// <summary>Builds measurements at a chosen z-score from the WHO tables, so tests state intent, not numbers.</summary>
internal static class Measure
{
    public static double At(Indicator indicator, Sex sex, int ageDays, double z)
    {
        var lms = WhoLmsData.Get(WhoZScores.Table2006(indicator), sex).At(ageDays);
        return Math.Round(WhoUsesRestricted(indicator) ? LmsMath.RestrictedCentile(lms, z) : LmsMath.Centile(lms, z), 3);
    }

    public static double WeightForLength(Sex sex, double lengthCm, double z)
    {
        var lms = WhoLmsData.Get(WhoTable.WeightForLength2006, sex).At((int)Math.Round(lengthCm * 10));
        return Math.Round(LmsMath.RestrictedCentile(lms, z), 3);
    }

    private static bool WhoUsesRestricted(Indicator indicator) => WhoRules.UsesRestrictedLms(indicator);
}
