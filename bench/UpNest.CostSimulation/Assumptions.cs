namespace UpNest.CostSimulation;

/// <summary>What a "typical family" does in a month; printed with the result.</summary>
internal sealed record Assumptions
{
    public int Families { get; init; } = 20;
    public double ShareWithTwoBabies { get; init; } = 0.2;
    public int Days { get; init; } = 30;
    public int AppOpensPerDay { get; init; } = 3;
    public double MeasurementsPerWeek { get; init; } = 2;
    public double RecordUpdatesPerMonth { get; init; } = 2;
    public int DoseItemsPerBaby { get; init; } = 30;
    public int DoseItemBytes { get; init; } = 350;
    public int MilestoneItemsPerBaby { get; init; } = 15;
    public int MilestoneItemBytes { get; init; } = 150;

    /// <summary>us-east-1 on-demand, after the November 2024 price cut.</summary>
    public const double DollarsPerMillionReads = 0.125;
    public const double DollarsPerMillionWrites = 0.625;
    public const double DollarsPerGbMonth = 0.25;
}
