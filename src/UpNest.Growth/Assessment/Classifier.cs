namespace UpNest.Growth.Assessment;

/// <summary>
/// WHO cut-offs on the latest plausible z-score (rounded, as reported). Under 5 years (2006
/// standards): underweight, stunting, wasting below −2 SD (severe below −3 SD), overweight above
/// +2 SD and obesity above +3 SD of weight-for-length/height (BMI-for-age when no length-based
/// z-score exists). From 5 years (2007 reference): thinness below −2 / −3 SD, overweight above
/// +1 SD and obesity above +2 SD of BMI-for-age. Head circumference: microcephaly below −2 SD
/// (severe below −3 SD), macrocephaly above +2 SD (severe above +3 SD).
/// </summary>
public static class Classifier
{
    public static IReadOnlyList<Classification> Classify(IReadOnlyList<IndicatorPoint> latest)
    {
        var found = new List<Classification>();
        var plausible = latest.Where(p => !p.Result.IsImplausible).ToList();
        var hasWeightForLength = plausible.Any(p => p.Indicator is Indicator.WeightForLength or Indicator.WeightForHeight);
        foreach (var p in plausible)
        {
            var z = p.Result.ZScore!.Value;
            var name = p.Indicator.ToApiName();
            void Low(ClassificationKind moderate, ClassificationKind severe)
            {
                if (z < -3) found.Add(new(severe, p.Indicator, z, p.MeasuredOn, $"{name} below -3 SD"));
                else if (z < -2) found.Add(new(moderate, p.Indicator, z, p.MeasuredOn, $"{name} below -2 SD"));
            }
            void High(ClassificationKind moderate, ClassificationKind severe, double cut)
            {
                if (z > cut + 1) found.Add(new(severe, p.Indicator, z, p.MeasuredOn, $"{name} above +{cut + 1} SD"));
                else if (z > cut) found.Add(new(moderate, p.Indicator, z, p.MeasuredOn, $"{name} above +{cut} SD"));
            }
            var school = p.Result.Reference == GrowthReference.Who2007;
            switch (p.Indicator)
            {
                case Indicator.WeightForAge:
                    Low(ClassificationKind.Underweight, ClassificationKind.SevereUnderweight);
                    break;
                case Indicator.LengthHeightForAge:
                    Low(ClassificationKind.Stunting, ClassificationKind.SevereStunting);
                    break;
                case Indicator.WeightForLength or Indicator.WeightForHeight:
                    Low(ClassificationKind.Wasting, ClassificationKind.SevereWasting);
                    High(ClassificationKind.Overweight, ClassificationKind.Obesity, 2);
                    break;
                case Indicator.BmiForAge when school:
                    Low(ClassificationKind.Thinness, ClassificationKind.SevereThinness);
                    High(ClassificationKind.Overweight, ClassificationKind.Obesity, 1);
                    break;
                case Indicator.BmiForAge when !hasWeightForLength:
                    High(ClassificationKind.Overweight, ClassificationKind.Obesity, 2);
                    break;
                case Indicator.HeadCircumferenceForAge:
                    Low(ClassificationKind.Microcephaly, ClassificationKind.SevereMicrocephaly);
                    High(ClassificationKind.Macrocephaly, ClassificationKind.SevereMacrocephaly, 2);
                    break;
            }
        }
        return found;
    }
}
