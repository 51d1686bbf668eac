using UpNest.Core.Babies;
using UpNest.Core.Measurements;
using UpNest.Core.Users;

namespace UpNest.Api.Contracts;

/// <summary>Enum spellings as clients see them.</summary>
public static class ApiNames
{
    public static readonly IReadOnlyDictionary<string, Sex> Sexes = new Dictionary<string, Sex>(StringComparer.Ordinal)
    {
        ["male"] = Sex.Male,
        ["female"] = Sex.Female,
    };

    public static readonly IReadOnlyDictionary<string, Units> UnitSystems = new Dictionary<string, Units>(StringComparer.Ordinal)
    {
        ["metric"] = Units.Metric,
        ["imperial"] = Units.Imperial,
    };

    public static readonly IReadOnlyDictionary<string, Role> Roles = new Dictionary<string, Role>(StringComparer.Ordinal)
    {
        ["owner"] = Role.Owner,
        ["caregiver"] = Role.Caregiver,
        ["viewer"] = Role.Viewer,
    };

    public static string Name(Sex sex) => sex == Sex.Male ? "male" : "female";

    public static string Name(Units units) => units == Units.Imperial ? "imperial" : "metric";

    public static string Name(Role role) => role switch
    {
        Role.Owner => "owner",
        Role.Caregiver => "caregiver",
        _ => "viewer",
    };

    public static string Name(LengthPosition position) => position == LengthPosition.Standing ? "standing" : "recumbent";
}
