using UpNest.Core.Telemetry;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Schedules.Cdsi;
using UpNest.Schedules.Reactions;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Vaccinations;

/// <summary>
/// Recording what happened to a dose: given (a combination product completes one dose of
/// every series it covers), edited, skipped by the owner, and reactions afterwards. A dose is
/// always recorded; the schedule engine's warnings say when it may not count.
/// </summary>
public sealed class DoseRecorder(IVaccinationStore doses, VaccinationService reads, IIdGenerator ids, TimeProvider clock)
{
    public async Task<RecordedDoses> RecordAsync(BabyAccess access, DoseInput input, CancellationToken ct)
    {
        DoseRules.RequireWriter(access);
        var baby = access.Baby;
        var schedule = VaccinationPlanning.ScheduleFor(baby);
        var today = await reads.TodayAsync(access.ActorId, ct);
        var given = input.ApplyTo(new DoseGiven());
        var errors = new ValidationErrors();
        var vaccine = input.Vaccine.Value?.Trim();
        var productKeys = CvxCatalog.VaccinesFor(given.Cvx, schedule);
        if (productKeys.Count == 0)
        {
            // Historical and new products UpNest's table lacks: CDSi's CVX map still knows their antigens.
            productKeys = CdsiScheduleKeys.KeysFor(given.Cvx, schedule);
        }
        if (input.GivenOn.Value is null)
        {
            errors.Add("givenOn", "The date the dose was given is required.");
        }
        if (string.IsNullOrEmpty(vaccine) && productKeys.Count == 0)
        {
            errors.Add("vaccine", "Name the vaccine (a schedule key such as HepB), or send a CVX code UpNest knows.");
        }
        else if (vaccine is not null && !DoseRules.IsVaccineKey(vaccine))
        {
            errors.Add("vaccine", "A vaccine key has 1 to 40 letters, digits or hyphens.");
        }
        if (input.DoseNumber.Value is { } n && n is < 1 or > 20)
        {
            errors.Add("doseNumber", "The dose number must be between 1 and 20.");
        }
        if (errors.IsEmpty)
        {
            DoseRules.ValidateGiven(given, baby, today, errors);
        }
        errors.ThrowIfAny();

        var primary = vaccine is null ? productKeys[0] : schedule.CanonicalKey(vaccine) ?? vaccine;
        var keys = new List<string> { primary };
        keys.AddRange(productKeys.Where(k => !string.Equals(k, primary, StringComparison.OrdinalIgnoreCase)));

        var records = (await doses.ListForBabyAsync(access, ct)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var alreadyGiven = DoseStates.Given(records.Values);
        var now = clock.GetUtcNow();
        var written = new List<VaccinationDose>();
        foreach (var key in keys)
        {
            var isPrimary = ReferenceEquals(key, primary);
            var check = DoseValidator.Check(baby.DateOfBirth, schedule,
                new DoseRecord(key, isPrimary ? input.DoseNumber.Value : null, given.GivenOn, given.Cvx), alreadyGiven);
            VaccinationDose record;
            if (check.Planned is { } planned && records.TryGetValue(VaccinationDose.IdFor(planned.Vaccine, planned.DoseNumber), out var current))
            {
                if (current.Given is not null)
                {
                    throw new ConflictException($"{planned.Vaccine} dose {planned.DoseNumber} is recorded already; edit it instead.");
                }
                record = await doses.UpdateAsync(access,
                    current with { Given = given, SkipReason = null, Warnings = check.Warnings, UpdatedAt = now }, current.Version, ct);
            }
            else
            {
                // Outside the schedule: the next number of that vaccine unless the family said which dose it was.
                var number = input.DoseNumber.Value ?? records.Values.Where(r => string.Equals(r.Vaccine, key, StringComparison.OrdinalIgnoreCase))
                    .Select(r => r.DoseNumber).DefaultIfEmpty(0).Max() + 1;
                record = new VaccinationDose
                {
                    Id = VaccinationDose.IdFor(check.Vaccine, number), BabyId = baby.Id, Vaccine = check.Vaccine, DoseNumber = number,
                    Given = given, CreatedBy = access.ActorId, CreatedAt = now, UpdatedAt = now,
                    // A combination product whose series is already full is kept, flagged, never dropped.
                    Warnings = isPrimary ? check.Warnings : [.. check.Warnings, DoseWarnings.NoOpenSlot(key, given.GivenOn)],
                };
                if (records.ContainsKey(record.Id))
                {
                    throw new ConflictException($"{record.Vaccine} dose {number} is recorded already; edit it instead.");
                }
                await doses.CreateAsync(access, record, ct);
            }
            written.Add(record);
            alreadyGiven.Add(new GivenDose(record.Vaccine, record.DoseNumber, given.GivenOn, given.Cvx));
        }
        var views = written.Select(r => new DoseView(r, DoseStatus.Completed)).ToList();
        UpNestMetrics.DosesRecorded(views.Count);
        return new RecordedDoses(views[0], views.Skip(1).ToList());
    }

    public async Task<DoseView> UpdateAsync(BabyAccess access, string doseId, DoseInput input, long? expectedVersion, CancellationToken ct)
    {
        DoseRules.RequireWriter(access);
        var records = await doses.ListForBabyAsync(access, ct);
        var current = records.FirstOrDefault(r => r.Id == doseId) ?? throw new NotFoundException("dose");
        if (expectedVersion is { } v && v != current.Version)
        {
            throw new PreconditionFailedException();
        }
        var errors = new ValidationErrors();
        if (input.Vaccine.IsSet || input.DoseNumber.IsSet)
        {
            errors.Add(input.Vaccine.IsSet ? "vaccine" : "doseNumber", "A dose's vaccine and number cannot change; delete it and record it again.");
        }
        var updated = ApplySkip(access, current, input, errors);
        if (HasGivenFields(input))
        {
            if (current.Given is null && input.GivenOn.Value is null)
            {
                errors.Add("givenOn", "Send givenOn to record this dose as given.");
            }
            var given = input.ApplyTo(current.Given ?? new DoseGiven());
            DoseRules.ValidateGiven(given, access.Baby, await reads.TodayAsync(access.ActorId, ct), errors);
            if (errors.IsEmpty)
            {
                var others = DoseStates.Given(records.Where(r => r.Id != doseId));
                var check = DoseValidator.Check(access.Baby.DateOfBirth, VaccinationPlanning.ScheduleFor(access.Baby),
                    new DoseRecord(current.Vaccine, current.DoseNumber, given.GivenOn, given.Cvx), others);
                updated = updated with { Given = given, SkipReason = null, Warnings = check.Warnings };
            }
        }
        errors.ThrowIfAny();
        var saved = await doses.UpdateAsync(access, updated with { UpdatedAt = clock.GetUtcNow() }, current.Version, ct);
        return await reads.GetAsync(access, saved.Id, ct);
    }

    public async Task<DoseReaction> AddReactionAsync(BabyAccess access, string doseId, ReactionInput input, CancellationToken ct)
    {
        DoseRules.RequireWriter(access);
        var errors = new ValidationErrors();
        DoseRules.ValidateReaction(input, errors);
        errors.ThrowIfAny();
        var dose = await doses.GetAsync(access, doseId, ct) ?? throw new NotFoundException("dose");
        if (dose.Given is null)
        {
            throw new ConflictException("Record the dose as given before adding a reaction to it.");
        }
        var assessment = ReactionRules.Assess(input.Type!.Value, input.Severity!.Value, VaccinationPlanning.ScheduleFor(access.Baby).Id);
        var now = clock.GetUtcNow();
        var reaction = new DoseReaction
        {
            Id = ids.NewId(), Type = input.Type.Value, Severity = input.Severity.Value, OnsetHours = input.OnsetHours,
            DurationHours = input.DurationHours, Outcome = input.Outcome, CareSought = input.CareSought, Note = input.Note,
            Reportable = assessment.Reportable, ReportToName = assessment.ReportTo.Name, ReportToUrl = assessment.ReportTo.Url,
            Message = assessment.Message, CreatedBy = access.ActorId, CreatedAt = now,
        };
        await doses.UpdateAsync(access, dose with { Reactions = [.. dose.Reactions, reaction], UpdatedAt = now }, dose.Version, ct);
        return reaction;
    }

    // Skipping is the owner's decision (DESIGN.md: "skipped if the owner skipped it").
    private static VaccinationDose ApplySkip(BabyAccess access, VaccinationDose current, DoseInput input, ValidationErrors errors)
    {
        if (!input.Status.IsSet && !input.SkipReason.IsSet)
        {
            return current;
        }
        if (!access.IsOwner)
        {
            throw new ForbiddenException("Only an owner can skip a dose or take a skip back.");
        }
        var skip = input.Status.IsSet ? input.Status.Value : "skipped";
        if (skip is null)
        {
            return current with { SkipReason = null };
        }
        if (skip != "skipped")
        {
            errors.Add("status", "Only \"skipped\" (or null to take the skip back) can be set; other statuses follow from the dates.");
        }
        else if (current.Given is not null || current.Planned is null)
        {
            errors.Add("status", "A dose recorded as given cannot be skipped; delete the record first.");
        }
        var reason = input.SkipReason.Value?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            errors.Add("skipReason", "Say why the dose is skipped (1 to 500 characters).");
        }
        return current with { SkipReason = reason };
    }

    private static bool HasGivenFields(DoseInput i) =>
        i.GivenOn.IsSet || i.Cvx.IsSet || i.Product.IsSet || i.LotNumber.IsSet || i.Site.IsSet || i.Route.IsSet
        || i.Provider.IsSet || i.Note.IsSet;
}
