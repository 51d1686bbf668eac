using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Core.Audit;

namespace UpNest.Api.Audit;

/// <summary>
/// Endpoint metadata: the action a route records (from <see cref="AuditActions"/>), the type of
/// resource it touches, and which route parameter names that resource (none: the baby itself,
/// or the resource the handler created).
/// </summary>
public sealed record Audited(string Action, string ResourceType, string? IdParameter = null);

/// <summary>Endpoint metadata: the route creates the baby its event is about, so the chain starts with it.</summary>
public sealed record StartsBabyChain;

/// <summary>Request feature: the id of the resource the handler created, taken from its typed result.</summary>
public sealed record CreatedResource(string Id);

public static class AuditedEndpointExtensions
{
    /// <summary>Declares the route's audit action explicitly (wins over a group's declaration).</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action, string resourceType, string? idParameter = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Audited(action, resourceType, idParameter));

    /// <summary>
    /// Declares one resource type for every route of a group: each route records the catalogue's
    /// action for its HTTP method. A route's own <see cref="Audited{TBuilder}"/> overrides it.
    /// </summary>
    public static RouteGroupBuilder AuditedAs(this RouteGroupBuilder group, string resourceType, string? idParameter = null)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().FirstOrDefault()?.HttpMethods is [var method])
            {
                endpoint.Metadata.Insert(0, new Audited(AuditActions.For(resourceType, method), resourceType, idParameter));
            }
        });
        return group;
    }

    /// <summary>
    /// Takes the id of a created resource from the handler's typed result (never from the
    /// Location header), for routes whose event names what they created.
    /// </summary>
    public static RouteGroupBuilder RecordsCreated<TValue>(this RouteGroupBuilder group, Func<TValue, string> id) =>
        group.AddEndpointFilter(CreatedFilter(id));

    public static RouteHandlerBuilder RecordsCreated<TValue>(this RouteHandlerBuilder route, Func<TValue, string> id) =>
        route.AddEndpointFilter(CreatedFilter(id));

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> CreatedFilter<TValue>(Func<TValue, string> id) =>
        async (context, next) =>
        {
            var result = await next(context);
            if (result is Created<TValue> { Value: { } created })
            {
                context.HttpContext.Features.Set(new CreatedResource(id(created)));
            }
            return result;
        };
}
