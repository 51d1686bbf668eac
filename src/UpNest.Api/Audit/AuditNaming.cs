using Microsoft.AspNetCore.Routing.Patterns;

namespace UpNest.Api.Audit;

/// <summary>Endpoint metadata: the action name to record instead of the one derived from the route.</summary>
public sealed record AuditAs(string Action, string? ResourceType = null);

public static class AuditEndpointExtensions
{
    public static TBuilder AuditAs<TBuilder>(this TBuilder builder, string action, string? resourceType = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditAs(action, resourceType));
}

/// <summary>
/// Derives "type.verb" and "type:id" from the route pattern and method, so a baby route added
/// later is audited with a sensible name without anyone touching this file:
/// GET /v1/babies/{babyId}/measurements/{id} is <c>measurement.read</c> on <c>measurement:{id}</c>.
/// </summary>
public static class AuditNaming
{
    private static readonly HashSet<string> VerbSegments = new(StringComparer.Ordinal) { "restore", "accept" };

    public static bool IsBabyRoute(RouteEndpoint endpoint) => endpoint.RoutePattern.GetParameter("babyId") is not null;

    /// <summary>POST /v1/babies: a write of baby data whose route cannot name the baby yet.</summary>
    public static bool CreatesBaby(RouteEndpoint endpoint, string method) =>
        method == "POST" && string.Equals(endpoint.RoutePattern.RawText?.TrimEnd('/'), "/v1/babies", StringComparison.Ordinal);

    public static string? LastSegment(string location) =>
        location.Length == 0 ? null : location[(location.LastIndexOf('/') + 1)..] is { Length: > 0 } id ? id : null;

    public static (string Action, string Resource) Describe(RouteEndpoint endpoint, HttpContext context, string babyId)
    {
        var explicitName = endpoint.Metadata.GetMetadata<AuditAs>();
        var (type, verb) = Derive(endpoint.RoutePattern, context.Request.Method);
        type = explicitName?.ResourceType ?? type;
        var action = explicitName?.Action ?? $"{type}.{verb}";
        return (action, $"{type}:{ResourceId(endpoint.RoutePattern, context, babyId)}");
    }

    private static (string Type, string Verb) Derive(RoutePattern pattern, string method)
    {
        var literals = new List<string>();
        var afterBaby = false;
        foreach (var segment in pattern.PathSegments)
        {
            if (segment.Parts is [RoutePatternParameterPart { Name: "babyId" }])
            {
                afterBaby = true;
            }
            else if (afterBaby && segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal)
            {
                literals.Add(literal.Content);
            }
        }
        var verb = method switch
        {
            "GET" or "HEAD" => "read",
            "POST" => "create",
            "PUT" or "PATCH" => "update",
            "DELETE" => "delete",
            _ => method.ToLowerInvariant(),
        };
        if (literals.Count > 0 && VerbSegments.Contains(literals[^1]) && method == "POST")
        {
            verb = literals[^1];
            literals.RemoveAt(literals.Count - 1);
        }
        return (literals.Count == 0 ? "baby" : Singular(literals[0]), verb);
    }

    /// <summary>The id of the thing touched: a route parameter, else a created resource's Location, else the baby.</summary>
    private static string ResourceId(RoutePattern pattern, HttpContext context, string babyId)
    {
        var last = pattern.Parameters.LastOrDefault(p => p.Name != "babyId");
        if (last is not null && context.Request.RouteValues[last.Name] is string value)
        {
            return value;
        }
        if (context.Response.StatusCode == StatusCodes.Status201Created
            && context.Response.Headers.Location.ToString() is { Length: > 0 } location)
        {
            return LastSegment(location) ?? babyId;
        }
        return babyId;
    }

    private static string Singular(string segment)
    {
        var name = segment.Split('.')[0];
        return name.EndsWith("ies", StringComparison.Ordinal) ? name[..^3] + "y"
            : name.EndsWith('s') && !name.EndsWith("ss", StringComparison.Ordinal) ? name[..^1]
            : name;
    }
}
