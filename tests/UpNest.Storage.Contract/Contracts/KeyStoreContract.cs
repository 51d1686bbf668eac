using UpNest.Core.Security;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

public abstract class KeyStoreContract(StoreHarness harness)
{
    private readonly IKeyStore _keys = harness.Get<IKeyStore>();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task The_first_writer_of_a_key_id_wins()
    {
        var purpose = "test-" + TestData.NewId();
        await _keys.AddAsync(new StoredKey(purpose, "k1", "first", TestData.Now), _ct);
        await _keys.AddAsync(new StoredKey(purpose, "k1", "second", TestData.Now.AddMinutes(1)), _ct);

        var stored = Assert.Single(await _keys.ListAsync(purpose, _ct));
        Assert.Equal("first", stored.Material);
    }

    [Fact]
    public async Task Keys_list_oldest_first_within_their_purpose()
    {
        var purpose = "test-" + TestData.NewId();
        await _keys.AddAsync(new StoredKey(purpose, "b-newer", "m2", TestData.Now.AddDays(1)), _ct);
        await _keys.AddAsync(new StoredKey(purpose, "a-older", "m1", TestData.Now), _ct);
        await _keys.AddAsync(new StoredKey("other-" + TestData.NewId(), "c", "m3", TestData.Now), _ct);

        var listed = await _keys.ListAsync(purpose, _ct);

        Assert.Equal(["a-older", "b-newer"], listed.Select(k => k.KeyId));
        Assert.Equal(TestData.Now, listed[0].CreatedAt);
    }
}
