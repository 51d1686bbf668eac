using UpNest.Core.Common;

namespace UpNest.Core.Vaccinations;

/// <summary>
/// A "dose due soon" notice waiting for a delivery channel (push, e-mail) to pick it up.
/// The id is derived from user, baby, dose and due date, so writing it twice keeps one.
/// No names or free text: a channel looks the baby up when it renders the message.
/// </summary>
public sealed record Reminder(
    string Id, string UserId, string BabyId, string Vaccine, int DoseNumber, DateOnly DueOn, DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt = null);

/// <summary>Storage port for the reminder outbox; records are removed with their baby (purge).</summary>
public interface IReminderOutbox
{
    /// <summary>Adds the reminder unless one with its id exists; true when it was added.</summary>
    Task<bool> AddAsync(Reminder reminder, CancellationToken ct);

    /// <summary>Reminders not yet delivered, oldest first (ties by id).</summary>
    Task<Page<Reminder>> ListUndeliveredAsync(PageRequest page, CancellationToken ct);

    /// <summary>Marks a reminder delivered; missing is <see cref="NotFoundException"/>.</summary>
    Task MarkDeliveredAsync(string reminderId, DateTimeOffset deliveredAt, CancellationToken ct);
}
