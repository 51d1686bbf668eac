namespace UpNest.Core.Babies;

/// <summary>
/// Proof that the caller may touch one baby's data with a role. Only <see cref="BabyAuthorizer"/>
/// (and Core's own jobs) can create one, and every storage operation on baby data demands it:
/// a route that forgets the check does not compile.
/// </summary>
public sealed class BabyAccess
{
    internal BabyAccess(Baby baby, string actorId, Role role)
    {
        Baby = baby;
        ActorId = actorId;
        Role = role;
    }

    public string BabyId => Baby.Id;

    /// <summary>The baby as read when access was checked.</summary>
    public Baby Baby { get; }

    /// <summary>The user acting, or "system" for jobs.</summary>
    public string ActorId { get; }

    public Role Role { get; }

    public bool CanWrite => Role >= Role.Caregiver;

    public bool IsOwner => Role == Role.Owner;

    internal const string SystemActor = "system";

    internal static BabyAccess ForSystem(Baby baby) => new(baby, SystemActor, Role.Owner);
}
