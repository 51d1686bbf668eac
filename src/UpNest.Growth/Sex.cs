namespace UpNest.Growth;

/// <summary>Sex as the WHO tables code it (1 = male, 2 = female).</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
}
