using System.Globalization;
using UpNest.Core.Common;

namespace UpNest.Api.Http;

/// <summary>Versions as entity tags: GET returns "N"; PATCH/DELETE with If-Match must name the current one.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version the client expects, null when it sent no If-Match (or "*").</summary>
    public static long? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
            && long.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }
        // An entity tag we never issued cannot match the current one.
        throw new PreconditionFailedException("If-Match does not name the current version.");
    }

    public static void Set(HttpResponse response, long version) => response.Headers.ETag = For(version);
}
