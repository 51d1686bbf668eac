using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using UpNest.Core.Security;

namespace UpNest.Api.Privacy;

/// <summary>
/// Keeps the Data Protection key ring with the store (SQLite file or DynamoDB), so every
/// instance and every restart can read notes encrypted by any other.
/// </summary>
public sealed class KeyStoreXmlRepository(IKeyStore keys, TimeProvider clock) : IXmlRepository
{
    // The framework's repository contract is synchronous; it is called rarely (key ring refresh).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        keys.ListAsync(KeyPurposes.DataProtection, CancellationToken.None).GetAwaiter().GetResult()
            .Select(k => XElement.Parse(k.Material))
            .ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        keys.AddAsync(new StoredKey(KeyPurposes.DataProtection, friendlyName, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow()),
            CancellationToken.None).GetAwaiter().GetResult();
}
