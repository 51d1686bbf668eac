using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;

namespace UpNest.Api.Http;

/// <summary>
/// A JSON object body read field by field (merge-patch meaning), declared as <typeparamref name="TRequest"/>.
/// The declared type is both what the OpenAPI document shows and the only field names
/// <see cref="Fields"/> lets the handler read, so the document and the handler cannot drift apart.
/// </summary>
public sealed class JsonBody<TRequest> : IEndpointParameterMetadataProvider
{
    private JsonBody(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public JsonFields Fields() => JsonFields.Declared(Root, typeof(TRequest), DeclaredFields.Names);

    public static async ValueTask<JsonBody<TRequest>?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Expected a JSON body.", StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.ContentLength == 0)
        {
            throw new Core.Common.ValidationException("body", "The body must be a JSON object.");
        }
        var root = await request.ReadFromJsonAsync<JsonElement>(context.RequestAborted);
        return new JsonBody<TRequest>(root);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(TRequest)));

    /// <summary>The JSON names of the declared type's properties, as the API's serializer spells them.</summary>
    private static class DeclaredFields
    {
        public static readonly IReadOnlySet<string> Names = Read();

        private static HashSet<string> Read()
        {
            var options = ApiJson.CreateOptions();
            options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
            return options.GetTypeInfo(typeof(TRequest)).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        }
    }
}

public static class JsonBodyEndpointExtensions
{
    /// <summary>A PATCH route also takes <c>application/merge-patch+json</c>, with the same declared body.</summary>
    public static RouteHandlerBuilder AcceptsMergePatch(this RouteHandlerBuilder builder)
    {
        builder.Add(endpoint =>
        {
            var declared = endpoint.Metadata.OfType<IAcceptsMetadata>().LastOrDefault()
                ?? throw new InvalidOperationException($"{endpoint.DisplayName} takes no JSON body to accept as merge patch.");
            endpoint.Metadata.Add(new AcceptsMetadata([.. declared.ContentTypes, "application/merge-patch+json"], declared.RequestType, declared.IsOptional));
        });
        return builder;
    }
}
