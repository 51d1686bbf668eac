using Microsoft.OpenApi;
using UpNest.Api.OpenApi;

namespace UpNest.Api.Hosting;

public static class OpenApiSetup
{
    /// <summary>The v1 document, exact enough to generate a typed client from (see docs/openapi/v1.json).</summary>
    public static IServiceCollection AddUpNestOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer((schema, _, _) =>
            {
                NumbersAsNumbers(schema);
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<RouteContractTransformer>();
        });

    /// <summary>
    /// The serializer also reads numbers written as strings; clients should send and expect
    /// numbers, so the document shows only those.
    /// </summary>
    private static void NumbersAsNumbers(OpenApiSchema schema)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
            && (type.HasFlag(JsonSchemaType.Number) || type.HasFlag(JsonSchemaType.Integer)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }
}
