using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Surface;

/// <summary>
/// What the OpenAPI document must say about each route of the route table, as rules of their own
/// (not the app's), so the document and the pipeline are checked against each other.
/// </summary>
public static partial class OpenApiContract
{
    private static readonly HashSet<string> AllowedWhileAccountDeleted = ["GET /v1/me", "GET /v1/me/export", "POST /v1/me/restore"];

    /// <summary>Framework endpoints that are not part of the API's contract.</summary>
    public static bool IsInfrastructure(AppRoute route) =>
        route.Pattern.StartsWith("/openapi", StringComparison.Ordinal) || route.Pattern.StartsWith("/docs", StringComparison.Ordinal)
        || route.Pattern == "/metrics" || route.Pattern.StartsWith("/health", StringComparison.Ordinal);

    public static JsonObject? Operation(JsonObject document, AppRoute route) =>
        document["paths"]?[route.Pattern]?[route.Method.ToLowerInvariant()] as JsonObject;

    public static IReadOnlyList<string> Violations(IEnumerable<AppRoute> routes, JsonObject document)
    {
        var violations = new List<string>();
        var ids = new Dictionary<string, AppRoute>(StringComparer.Ordinal);
        foreach (var route in routes.Where(r => !IsInfrastructure(r)))
        {
            var operation = Operation(document, route);
            if (operation is null)
            {
                violations.Add($"{route}: not in the document.");
                continue;
            }
            var id = operation["operationId"]?.GetValue<string>();
            if (id is null || !CamelCase().IsMatch(id))
            {
                violations.Add($"{route}: operationId '{id}' is missing or not camelCase (.WithName).");
            }
            else if (!ids.TryAdd(id, route))
            {
                violations.Add($"{route}: operationId '{id}' is also {ids[id]}'s.");
            }
            if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
            {
                violations.Add($"{route}: no summary (.WithSummary).");
            }
            if (operation["tags"] is not JsonArray { Count: > 0 })
            {
                violations.Add($"{route}: no tag.");
            }
            violations.AddRange(ResponseViolations(route, operation));
            violations.AddRange(SecurityViolations(route, operation));
        }
        return violations;
    }

    /// <summary>The problem statuses the pipeline can answer on the route, by DESIGN.md's status rules.</summary>
    public static SortedSet<int> ExpectedProblems(AppRoute route, JsonObject operation)
    {
        var expected = new SortedSet<int>();
        var isProtected = !route.AllowsAnonymous;
        var isAuthRoute = route.Pattern.StartsWith("/v1/auth/", StringComparison.Ordinal);
        if (route.ReadsBody)
        {
            expected.UnionWith([400, 413, 415]);
        }
        if (HeaderNames(operation).Contains("If-Match"))
        {
            expected.Add(412);
        }
        if (Parameters(operation).Any(p => p["in"]?.GetValue<string>() == "query"))
        {
            expected.Add(400);
        }
        if (TakesIdempotencyKey(route))
        {
            expected.UnionWith([400, 409]);
        }
        if (isProtected)
        {
            expected.UnionWith([401, 429]);
            if (!AllowedWhileAccountDeleted.Contains(route.ToString()))
            {
                expected.Add(403);
            }
        }
        if (isAuthRoute)
        {
            expected.Add(429);
        }
        if (route.Pattern.Contains('{', StringComparison.Ordinal))
        {
            expected.Add(404);
        }
        // The signing keys are held in memory; everything else reads the store.
        if (route.Pattern != "/.well-known/jwks.json")
        {
            expected.Add(503);
        }
        return expected;
    }

    public static bool TakesIdempotencyKey(AppRoute route) =>
        route.Method == "POST" && !route.AllowsAnonymous && !route.Pattern.StartsWith("/v1/auth/", StringComparison.Ordinal);

    public static IEnumerable<JsonObject> Parameters(JsonObject operation) =>
        (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>();

    public static HashSet<string> HeaderNames(JsonObject operation) =>
        Parameters(operation).Where(p => p["in"]?.GetValue<string>() == "header").Select(p => p["name"]!.GetValue<string>()).ToHashSet();

    private static IEnumerable<string> ResponseViolations(AppRoute route, JsonObject operation)
    {
        var responses = operation["responses"] as JsonObject ?? [];
        if (!responses.Any(r => r.Key.StartsWith('2')))
        {
            yield return $"{route}: no success response.";
        }
        foreach (var status in ExpectedProblems(route, operation))
        {
            if (!responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                yield return $"{route}: no {status} problem response.";
            }
        }
        foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
        {
            var content = response?["content"] as JsonObject;
            var schema = content?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
            var expectedSchema = status == "400" ? "#/components/schemas/HttpValidationProblemDetails" : "#/components/schemas/ProblemDetails";
            if (content?.Count != 1 || schema != expectedSchema)
            {
                yield return $"{route}: {status} is not application/problem+json with {expectedSchema}.";
            }
            if (status is "429" or "503" && response?["headers"]?["Retry-After"] is null)
            {
                yield return $"{route}: {status} does not declare Retry-After.";
            }
        }
        if (TakesIdempotencyKey(route) && !HeaderNames(operation).Contains("Idempotency-Key"))
        {
            yield return $"{route}: the Idempotency-Key header is not declared.";
        }
    }

    private static IEnumerable<string> SecurityViolations(AppRoute route, JsonObject operation)
    {
        var security = operation["security"] as JsonArray;
        var requiresBearer = security is { Count: 1 } && security[0] is JsonObject requirement
            && requirement.Count == 1 && requirement["bearer"] is JsonArray { Count: 0 };
        if (!route.AllowsAnonymous && !requiresBearer)
        {
            yield return $"{route}: protected, but does not require the bearer scheme.";
        }
        if (route.AllowsAnonymous && security is not { Count: 0 })
        {
            yield return $"{route}: anonymous, but not marked with an empty security list.";
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
