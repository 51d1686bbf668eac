using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using UpNest.Api.Http;

namespace UpNest.Api.OpenApi;

/// <summary>
/// Completes each operation from its endpoint's metadata: path parameters the binders read,
/// headers, problem responses, security, then sorts the document so its snapshot is stable.
/// </summary>
public sealed partial class RouteContractTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "UpNest API";
        document.Info.Version = "v1";
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var problem in new[] { typeof(ProblemDetails), typeof(HttpValidationProblemDetails) })
        {
            var schema = await context.GetOrCreateSchemaAsync(problem, null, cancellationToken);
            // Every problem carries the request id (AddProblemDetails in ApiServiceExtensions), to quote to support.
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["requestId"] = Text();
            document.Components.Schemas[problem.Name] = schema;
        }
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /v1/auth/login (or the configured OIDC issuer).",
            },
        };

        foreach (var description in context.DescriptionGroups.SelectMany(group => group.Items))
        {
            var path = "/" + description.RelativePath!.Trim('/');
            if (document.Paths.TryGetValue(path, out var item) && item.Operations is { } operations
                && operations.TryGetValue(new HttpMethod(description.HttpMethod!), out var operation))
            {
                Complete(document, operation, description, path);
            }
        }
        OptionalRequestFields(document);
        Sort(document);
    }

    private static void Complete(OpenApiDocument document, OpenApiOperation operation, ApiDescription description, string pattern)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata.ToList();
        var method = description.HttpMethod!;
        operation.Parameters ??= [];
        AddPathParameters(operation, pattern);
        ApplyQueryValues(operation, metadata);
        if (metadata.OfType<AcceptsIfMatchMetadata>().Any())
        {
            operation.Parameters.Add(Header("If-Match", "The ETag of the version this change is based on; a stale one is a 412. Absent: no check."));
        }
        if (ProblemResponseRules.TakesIdempotencyKey(method, metadata))
        {
            operation.Parameters.Add(Header(IdempotencyMiddleware.Header, "Repeats with the same key return the first response and store nothing new (24 h)."));
        }
        operation.Responses ??= [];
        AddContentTypes(operation, metadata);
        if (metadata.OfType<ReturnsETagMetadata>().Any())
        {
            foreach (var (status, response) in operation.Responses)
            {
                if (status.StartsWith('2') && response is OpenApiResponse success)
                {
                    success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    success.Headers["ETag"] = new OpenApiHeader { Description = "The resource's version, for If-Match.", Schema = Text() };
                }
            }
        }
        var hasQuery = operation.Parameters.Any(p => p.In == ParameterLocation.Query);
        foreach (var status in ProblemResponseRules.For(method, pattern, metadata, hasQuery))
        {
            AddProblem(document, operation, status, metadata);
        }
        // Declared explicitly (ProducesProblem): make sure they read as problem+json too.
        foreach (var (status, response) in operation.Responses.Where(r => r.Key[0] is '4' or '5').ToList())
        {
            if (response is OpenApiResponse declared && declared.Content?.ContainsKey(ProblemJson) != true)
            {
                operation.Responses.Remove(status);
                AddProblem(document, operation, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), metadata);
            }
        }
        var sorted = new OpenApiResponses();
        foreach (var (status, response) in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sorted[status] = response;
        }
        operation.Responses = sorted;
        operation.Security = ProblemResponseRules.IsProtected(metadata)
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }]
            : [];
    }

    private static void AddPathParameters(OpenApiOperation operation, string pattern)
    {
        // Parameters bound by BindAsync (BabyScope reads {babyId}) are invisible to the generator.
        var position = 0;
        foreach (Match match in RouteParameter().Matches(pattern))
        {
            var name = match.Groups[1].Value;
            if (!operation.Parameters!.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters!.Insert(position, new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = Text() });
            }
            position++;
        }
    }

    private static void AddContentTypes(OpenApiOperation operation, IReadOnlyList<object> metadata)
    {
        foreach (var contentType in metadata.OfType<ProducesContentMetadata>().SelectMany(m => m.ContentTypes))
        {
            if (!operation.Responses!.TryGetValue("200", out var existing) || existing is not OpenApiResponse ok)
            {
                ok = new OpenApiResponse { Description = "OK" };
                operation.Responses["200"] = ok;
            }
            ok.Content ??= new Dictionary<string, OpenApiMediaType>();
            ok.Content[contentType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = contentType.EndsWith("json", StringComparison.Ordinal) ? JsonSchemaType.Object : JsonSchemaType.String },
            };
        }
    }

    private static void ApplyQueryValues(OpenApiOperation operation, IReadOnlyList<object> metadata)
    {
        foreach (var values in metadata.OfType<QueryValuesMetadata>())
        {
            var parameter = operation.Parameters!.OfType<OpenApiParameter>().FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == values.Name)
                ?? throw new InvalidOperationException($"No query parameter '{values.Name}' to list values for.");
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Values.Select(v => (System.Text.Json.Nodes.JsonNode)v)] };
        }
    }

    private static void AddProblem(OpenApiDocument document, OpenApiOperation operation, int status, IReadOnlyList<object> metadata)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var schema = status == StatusCodes.Status400BadRequest ? nameof(HttpValidationProblemDetails) : nameof(ProblemDetails);
        var response = new OpenApiResponse
        {
            Description = Describe(status, metadata),
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, document) } },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
        }
        operation.Responses![key] = response;
    }

    private static string Describe(int status, IReadOnlyList<object> metadata) => status switch
    {
        400 => "The request is not valid; errors lists the fields.",
        401 => "No valid access token (or wrong credentials).",
        403 => "The caller's role does not allow this, or the account is scheduled for deletion.",
        404 => "Not found, or not visible to the caller.",
        409 => "Conflicts with the stored state (duplicate, already used, or an Idempotency-Key reused for another request).",
        412 => "If-Match does not name the current version.",
        413 => $"The body is larger than {ProblemResponseRules.BodyLimit(metadata)} bytes.",
        415 => "The body is not JSON.",
        429 => "Too many requests; see Retry-After.",
        503 => "The store is busy; see Retry-After.",
        _ => "A problem.",
    };

    private static OpenApiParameter Header(string name, string description) =>
        new() { Name = name, In = ParameterLocation.Header, Required = false, Description = description, Schema = Text() };

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    /// <summary>
    /// Bodies are read with merge-patch meaning and validated by the handler (a 400 names what is
    /// missing), so no field is required by the body's shape, whatever the record's constructor says.
    /// </summary>
    private static void OptionalRequestFields(OpenApiDocument document)
    {
        var bodies = document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? [])
            .SelectMany(o => o.RequestBody?.Content?.Values ?? [])
            .Select(m => m.Schema is OpenApiSchema { Items: { } items } ? items : m.Schema)
            .OfType<OpenApiSchemaReference>().Select(r => r.Reference.Id).ToHashSet();
        foreach (var id in bodies)
        {
            if (id is not null && document.Components!.Schemas!.TryGetValue(id, out var schema) && schema is OpenApiSchema body)
            {
                body.Required = null;
            }
        }
    }

    private static void Sort(OpenApiDocument document)
    {
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            paths[path] = item;
        }
        document.Paths = paths;
        document.Components!.Schemas = document.Components.Schemas!.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary();
        if (document.Tags is { } tags)
        {
            document.Tags = new SortedSet<OpenApiTag>(tags, Comparer<OpenApiTag>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name)));
        }
    }

    [GeneratedRegex(@"\{([^}:?=*]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
