using Microsoft.Extensions.DependencyInjection;
using UpNest.Storage.Sqlite;

namespace UpNest.Storage.Contract.Harness;

/// <summary>A fresh SQLite file per test class.</summary>
public sealed class SqliteHarness : StoreHarness
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"upnest-contract-{Guid.NewGuid():N}.db");

    protected override void AddStore(IServiceCollection services) => services.AddSqliteStorage(_path);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
