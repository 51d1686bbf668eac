namespace UpNest.Growth;

/// <summary>Which WHO reference produced a z-score.</summary>
public enum GrowthReference
{
    /// <summary>WHO Child Growth Standards 2006 (0 to 1856 days, by day or by 0.1 cm).</summary>
    Who2006 = 1,
    /// <summary>WHO Growth Reference 2007 (61 to under 229 months, by month).</summary>
    Who2007 = 2,
}
