namespace UpNest.Api.OpenApi;

/// <summary>Endpoint metadata: the handler honours <c>If-Match</c> (a stale one is a 412).</summary>
public sealed record AcceptsIfMatchMetadata;

/// <summary>Endpoint metadata: a success response carries the resource's version as <c>ETag</c>.</summary>
public sealed record ReturnsETagMetadata;

/// <summary>Endpoint metadata: the route never reads the store, so it cannot answer 503.</summary>
public sealed record UsesNoStoreMetadata;

/// <summary>Endpoint metadata: 200 bodies that are not the JSON result type (SVG, iCalendar, CSV, FHIR).</summary>
public sealed record ProducesContentMetadata(IReadOnlyList<string> ContentTypes);

/// <summary>Endpoint metadata: the values a query parameter takes, for the document's enum.</summary>
public sealed record QueryValuesMetadata(string Name, IReadOnlyList<string> Values);

/// <summary>
/// Fluent declarations for what the OpenAPI document cannot infer from a handler's signature.
/// The problem responses every route shares are derived from the route itself (see
/// <see cref="ProblemResponseRules"/>); these cover the route-specific rest.
/// </summary>
public static class EndpointDocumentation
{
    public static TBuilder AcceptsIfMatch<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AcceptsIfMatchMetadata());

    public static TBuilder ProducesETag<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ReturnsETagMetadata());

    public static TBuilder UsesNoStore<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new UsesNoStoreMetadata());

    public static TBuilder WithQueryValues<TBuilder>(this TBuilder builder, string name, params string[] values) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new QueryValuesMetadata(name, values));

    /// <summary>409: the route can conflict with the stored state (duplicate, already used, last owner).</summary>
    public static RouteHandlerBuilder ProducesConflict(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>
    /// A 200 body in another media type (SVG, iCalendar, CSV, FHIR), next to any JSON one the route declares:
    /// text for text types, an object for <c>+json</c> ones.
    /// </summary>
    public static RouteHandlerBuilder ProducesContent(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.WithMetadata(new ProducesContentMetadata(contentTypes));
}
