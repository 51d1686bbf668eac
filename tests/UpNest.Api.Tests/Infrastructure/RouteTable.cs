using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace UpNest.Api.Tests.Infrastructure;

/// <summary>One route of the app as the route table has it: method and pattern.</summary>
public sealed record AppRoute(string Method, string Pattern, bool AllowsAnonymous, bool ReadsBody = false)
{
    public bool IsBabyScoped => Pattern.Contains("{babyId}", StringComparison.Ordinal);

    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>A concrete URL: {babyId} is the given baby, any other parameter a placeholder.</summary>
    public string Url(string babyId) =>
        Regex.Replace(Pattern.Replace("{babyId}", babyId, StringComparison.Ordinal), "\\{[^}]+\\}", "x1")
            .TrimEnd('/') is { Length: > 0 } url ? url : "/";

    public override string ToString() => $"{Method} {Pattern}";
}

public static class RouteTable
{
    /// <summary>Every route the app maps, read from its own endpoint data sources.</summary>
    public static IReadOnlyList<AppRoute> Read(IServiceProvider services) =>
        services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new AppRoute(method, "/" + endpoint.RoutePattern.RawText!.Trim('/'),
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                    || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null,
                    endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is not null)))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
}
