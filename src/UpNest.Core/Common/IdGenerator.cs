using System.Security.Cryptography;

namespace UpNest.Core.Common;

/// <summary>Creates ids and secrets; injected so tests can make them predictable.</summary>
public interface IIdGenerator
{
    /// <summary>A new opaque id: time-ordered prefix, random suffix, URL-safe.</summary>
    string NewId();

    /// <summary>A new random secret of the given entropy, URL-safe base64.</summary>
    string NewSecret(int bytes = 32);
}

public sealed class IdGenerator(TimeProvider clock) : IIdGenerator
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public string NewId()
    {
        // 10 chars of milliseconds then 16 random chars: sortable by creation, unguessable.
        Span<char> chars = stackalloc char[26];
        var ms = clock.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(ms & 31)];
            ms >>= 5;
        }
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        for (var i = 0; i < 16; i++)
        {
            chars[10 + i] = Alphabet[random[i] & 31];
        }
        return new string(chars);
    }

    public string NewSecret(int bytes = 32) => Base64Url.Encode(RandomNumberGenerator.GetBytes(bytes));
}
