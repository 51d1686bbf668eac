using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using UpNest.Core.Audit;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Core.Users;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;

namespace UpNest.CostSimulation;

/// <summary>
/// One family's month, replayed through the store ports the way the API calls them: every
/// baby-scoped request authorizes (QP4), reads or writes, and appends one audit event (a
/// transactional put; the head is read only on the writer's first touch of the baby). Vaccination and milestone lists are modelled as one Query of the baby's
/// partition over seeded items of realistic size.
/// </summary>
internal sealed class Family(IServiceProvider services, Assumptions assumptions, Random random)
{
    private readonly IUserStore _users = services.GetRequiredService<IUserStore>();
    private readonly ISessionStore _sessions = services.GetRequiredService<ISessionStore>();
    private readonly IBabyStore _babies = services.GetRequiredService<IBabyStore>();
    private readonly IMeasurementStore _measurements = services.GetRequiredService<IMeasurementStore>();
    private readonly IAuditStore _audit = services.GetRequiredService<IAuditStore>();
    private readonly Dictionary<string, AuditEvent?> _auditHeads = new(StringComparer.Ordinal);
    private readonly DynamoGateway _db = services.GetRequiredService<DynamoGateway>();
    private readonly BabyAuthorizer _authorizer = new(services.GetRequiredService<IBabyStore>());
    private readonly string _userId = Guid.NewGuid().ToString("N");
    private readonly List<string> _babyIds = [];
    private RefreshSession _session = null!;
    private DateTimeOffset _now = new(2026, 3, 1, 7, 0, 0, TimeSpan.Zero);

    public int BabyCount => _babyIds.Count;

    /// <summary>Sign-up: account, babies, the seeded dose plan and milestone records (one-off).</summary>
    public async Task SetUpAsync(int babies, CancellationToken ct)
    {
        await _users.CreateAsync(new User { Id = _userId, Email = $"{_userId}@example.test", PasswordHash = new string('x', 84), DisplayName = "Parent", CreatedAt = _now, UpdatedAt = _now }, ct);
        _session = new RefreshSession { UserId = _userId, FamilyId = Guid.NewGuid().ToString("N"), CurrentTokenHash = new string('a', 64), CreatedAt = _now, ExpiresAt = _now.AddDays(30) };
        await _sessions.CreateAsync(_session, ct);
        for (var b = 0; b < babies; b++)
        {
            var baby = new Baby { Id = Guid.NewGuid().ToString("N"), Name = "Baby", Sex = Sex.Female, DateOfBirth = new DateOnly(2026, 1, 5), BirthWeightKg = 3.3, Country = "US", CreatedBy = _userId, CreatedAt = _now, UpdatedAt = _now };
            await _babies.CreateAsync(baby, new AccessGrant { BabyId = baby.Id, UserId = _userId, Role = Role.Owner, Since = _now, GrantedBy = _userId }, ct);
            _babyIds.Add(baby.Id);
            for (var d = 0; d < assumptions.DoseItemsPerBaby; d++)
            {
                await PutFillerAsync(Tables.Vaccinations, baby.Id, Keys.Dose("V" + d, 1), assumptions.DoseItemBytes, ct);
            }
            for (var m = 0; m < assumptions.MilestoneItemsPerBaby; m++)
            {
                await PutFillerAsync(Tables.Milestones, baby.Id, Keys.Milestone("m" + m), assumptions.MilestoneItemBytes, ct);
            }
        }
    }

    public async Task LiveDayAsync(int day, CancellationToken ct)
    {
        _now = new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero).AddDays(day);
        for (var open = 0; open < assumptions.AppOpensPerDay; open++)
        {
            _now = _now.AddHours(4);
            await RefreshAsync(ct);
            await _users.GetAsync(_userId, ct);                                     // GET /v1/me (QP1)
            await _babies.ListForUserAsync(_userId, new PageRequest(50), ct);       // GET /v1/babies (QP3)
            foreach (var babyId in _babyIds)
            {
                var access = await BabyRequestAsync(babyId, "growth.summary", ct);
                await _measurements.GetLatestAsync(access, ct);                     // QP6
                access = await BabyRequestAsync(babyId, "measurement.list", ct);
                await _measurements.ListAsync(access, null, null, new PageRequest(50), ct); // QP5
                access = await BabyRequestAsync(babyId, "vaccination.list", ct);
                await QueryPartitionAsync(Tables.Vaccinations, "QP7.ListDoses", access.BabyId, ct);
                access = await BabyRequestAsync(babyId, "milestone.list", ct);
                await QueryPartitionAsync(Tables.Milestones, "QP8.ListMilestones", access.BabyId, ct);
            }
        }
        foreach (var babyId in _babyIds)
        {
            if (random.NextDouble() < assumptions.MeasurementsPerWeek / 7.0)
            {
                var access = await BabyRequestAsync(babyId, "measurement.create", ct, changes: true);
                await _measurements.CreateAsync(access, new Measurement { Id = Guid.NewGuid().ToString("N"), BabyId = babyId, MeasuredOn = DateOnly.FromDateTime(_now.UtcDateTime), WeightKg = 5.2, LengthHeightCm = 58.1, Position = LengthPosition.Recumbent, HeadCircumferenceCm = 39.5, Source = "home", CreatedBy = _userId, CreatedAt = _now, UpdatedAt = _now }, ct);
            }
            if (random.NextDouble() < assumptions.RecordUpdatesPerMonth / 30.0)
            {
                var access = await BabyRequestAsync(babyId, "vaccination.record", ct, changes: true);
                await PutFillerAsync(Tables.Vaccinations, access.BabyId, Keys.Dose("V0", 1), assumptions.DoseItemBytes, ct);
            }
        }
    }

    /// <summary>A baby-scoped request: authorize (QP4) and append its audit event.</summary>
    private async Task<BabyAccess> BabyRequestAsync(string babyId, string action, CancellationToken ct, bool changes = false)
    {
        var access = await _authorizer.AuthorizeAsync(_userId, babyId, Role.Viewer, ct);
        if (changes)
        {
            await AppendAuditAsync(babyId, action, ct); // the attempt, stored before the change runs
        }
        await AppendAuditAsync(babyId, action, ct);
        return access;
    }

    private async Task AppendAuditAsync(string babyId, string action, CancellationToken ct)
    {
        // The audit writer holds the heads it wrote in memory: only its first touch of a subject reads one.
        if (!_auditHeads.TryGetValue(babyId, out var head))
        {
            head = await _audit.GetHeadAsync(babyId, ct);
        }
        var appended = new AuditEvent
        {
            Position = (head?.Position ?? 0) + 1,
            Subject = babyId, Id = Guid.NewGuid().ToString("N"), At = _now, ActorId = _userId, Action = action,
            Resource = "baby/" + babyId, Outcome = "success", RequestId = Guid.NewGuid().ToString("N"),
            ClientAddressHash = new string('c', 64), PrevHash = head?.Hash, Hash = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + new string('0', 32),
            ExpiresAt = _now.AddYears(6),
        };
        await _audit.AppendBatchAsync([appended], ct);
        _auditHeads[babyId] = appended;
    }

    /// <summary>The access token lives 15 minutes; each app open refreshes it once (read + conditional replace).</summary>
    private async Task RefreshAsync(CancellationToken ct)
    {
        var current = await _sessions.GetAsync(_userId, _session.FamilyId, ct) ?? _session;
        _session = current with { CurrentTokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()), PreviousTokenHashes = [current.CurrentTokenHash, .. current.PreviousTokenHashes.Take(4)] };
        await _sessions.ReplaceAsync(_session, current.Version, ct);
        _session = _session with { Version = current.Version + 1 };
    }

    private Task<QueryResponse> QueryPartitionAsync(TableDefinition table, string operation, string babyId, CancellationToken ct) =>
        _db.QueryAsync(operation, new QueryRequest
        {
            TableName = _db.Table(table),
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = Items.Values((":pk", Items.S(Keys.Baby(babyId)))),
        }, ct);

    private Task PutFillerAsync(TableDefinition table, string babyId, string sortKey, int bytes, CancellationToken ct)
    {
        var item = Items.Key(Keys.Baby(babyId), sortKey);
        item[Attrs.Data] = Items.S(new string('d', bytes));
        item[Attrs.Version] = Items.N(1);
        return _db.PutItemAsync("Seed." + table.Name, new PutItemRequest { TableName = _db.Table(table), Item = item }, ct);
    }
}
