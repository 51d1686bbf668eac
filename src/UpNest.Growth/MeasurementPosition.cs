namespace UpNest.Growth;

/// <summary>How length/height was measured; drives the WHO's ±0.7 cm conversion.</summary>
public enum MeasurementPosition
{
    /// <summary>Not recorded: no conversion, the age decides which table applies.</summary>
    Unknown = 0,
    /// <summary>Lying down (length).</summary>
    Recumbent = 1,
    /// <summary>Standing (height).</summary>
    Standing = 2,
}
