using UpNest.Core.Users;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

public abstract class IdempotencyStoreContract(StoreHarness harness)
{
    private readonly IIdempotencyStore _records = harness.Get<IIdempotencyStore>();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task The_first_record_for_a_key_wins_and_a_repeat_stores_nothing()
    {
        var userId = TestData.NewId();
        var first = TestData.Idempotency(userId, "key-1", "first");

        Assert.True(await _records.TryAddAsync(first, _ct));
        Assert.False(await _records.TryAddAsync(TestData.Idempotency(userId, "key-1", "second"), _ct));

        var stored = await _records.GetAsync(userId, "key-1", _ct);
        Assert.Equal("first", stored!.RequestFingerprint);
        Assert.Equal(first.Body, stored.Body);
        Assert.Equal(201, stored.StatusCode);
        Assert.Equal("/v1/babies/x", stored.Location);
    }

    [Fact]
    public async Task Keys_belong_to_one_user()
    {
        var key = TestData.NewId();
        Assert.True(await _records.TryAddAsync(TestData.Idempotency(TestData.NewId(), key), _ct));
        Assert.True(await _records.TryAddAsync(TestData.Idempotency(TestData.NewId(), key), _ct));
        Assert.Null(await _records.GetAsync(TestData.NewId(), key, _ct));
    }

    [Fact]
    public async Task An_expired_record_is_gone_and_gives_way_to_a_new_one()
    {
        var userId = TestData.NewId();
        var expiring = TestData.Idempotency(userId, "key-2", "old") with { ExpiresAt = harness.Clock.GetUtcNow().AddSeconds(-1) };
        Assert.True(await _records.TryAddAsync(expiring, _ct));

        Assert.Null(await _records.GetAsync(userId, "key-2", _ct));
        Assert.True(await _records.TryAddAsync(TestData.Idempotency(userId, "key-2", "new") with { ExpiresAt = harness.Clock.GetUtcNow().AddHours(1) }, _ct));
        Assert.Equal("new", (await _records.GetAsync(userId, "key-2", _ct))!.RequestFingerprint);
    }
}
