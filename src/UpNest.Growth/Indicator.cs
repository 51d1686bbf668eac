namespace UpNest.Growth;

/// <summary>
/// The WHO indicators. Weight-, length/height- and BMI-for-age cover both the 2006 standards and
/// the 2007 reference: the engine picks the reference from the age.
/// </summary>
public enum Indicator
{
    WeightForAge = 1,
    LengthHeightForAge = 2,
    WeightForLength = 3,
    WeightForHeight = 4,
    BmiForAge = 5,
    HeadCircumferenceForAge = 6,
    ArmCircumferenceForAge = 7,
    TricepsSkinfoldForAge = 8,
    SubscapularSkinfoldForAge = 9,
}
