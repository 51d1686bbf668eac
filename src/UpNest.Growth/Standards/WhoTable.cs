namespace UpNest.Growth.Standards;

/// <summary>The WHO LMS tables; the byte values are the ids in who-lms.bin (see the generator).</summary>
internal enum WhoTable : byte
{
    WeightForAge2006 = 0,
    LengthHeightForAge2006 = 1,
    BmiForAge2006 = 2,
    HeadCircumferenceForAge2006 = 3,
    ArmCircumferenceForAge2006 = 4,
    TricepsSkinfoldForAge2006 = 5,
    SubscapularSkinfoldForAge2006 = 6,
    WeightForLength2006 = 7,
    WeightForHeight2006 = 8,
    WeightForAge2007 = 9,
    HeightForAge2007 = 10,
    BmiForAge2007 = 11,
}
