using System.Security.Cryptography;
using System.Text;

namespace UpNest.Core.Common;

public static class Hashing
{
    /// <summary>SHA-256 of a secret, hex; used to store tokens and links without storing them.</summary>
    public static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
