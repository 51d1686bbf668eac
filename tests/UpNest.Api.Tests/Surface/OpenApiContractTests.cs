using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UpNest.Api.Http;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Surface;

/// <summary>
/// The OpenAPI document is exact enough to generate a client from: checked against the app's own
/// route table and handlers, so a new route without its declarations fails here the day it is added.
/// </summary>
public sealed class OpenApiContractTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task Every_route_has_a_unique_operation_id_a_summary_its_problem_responses_and_its_security()
    {
        var document = await DocumentAsync();

        var violations = OpenApiContract.Violations(ApiRoutes(), document);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_contract_checks_fail_for_a_route_without_its_declarations()
    {
        var document = await DocumentAsync();
        var getBaby = document["paths"]!["/v1/babies/{babyId}"]!["get"]!.AsObject();
        getBaby.Remove("operationId");
        getBaby.Remove("summary");
        getBaby["responses"]!.AsObject().Remove("404");
        var unknown = new AppRoute("GET", "/v1/babies/{babyId}/something-new", AllowsAnonymous: false);

        var violations = OpenApiContract.Violations([.. ApiRoutes(), unknown], document);

        Assert.Contains("GET /v1/babies/{babyId}: operationId '' is missing or not camelCase (.WithName).", violations);
        Assert.Contains("GET /v1/babies/{babyId}: no summary (.WithSummary).", violations);
        Assert.Contains("GET /v1/babies/{babyId}: no 404 problem response.", violations);
        Assert.Contains("GET /v1/babies/{babyId}/something-new: not in the document.", violations);
    }

    [Fact]
    public async Task The_document_declares_the_bearer_scheme_and_no_server()
    {
        var document = await DocumentAsync();

        var bearer = document["components"]!["securitySchemes"]!["bearer"]!;
        Assert.Equal("http", bearer["type"]!.GetValue<string>());
        Assert.Equal("bearer", bearer["scheme"]!.GetValue<string>());
        Assert.Null(document["servers"]);
    }

    [Fact]
    public async Task Every_declared_request_body_is_the_type_its_handler_binds()
    {
        var document = await DocumentAsync();
        var failures = new List<string>();

        foreach (var (route, endpoint) in Endpoints())
        {
            var handler = endpoint.Metadata.OfType<MethodInfo>().First();
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var bodies = handler.GetParameters().Where(p => IsBody(p, routeValues)).ToList();
            var body = OpenApiContract.Operation(document, route)?["requestBody"];
            if (handler.GetParameters().Any(p => p.ParameterType == typeof(JsonElement)))
            {
                failures.Add($"{route}: reads a raw JsonElement; take JsonBody<TRequest> so the body is declared.");
                continue;
            }
            if (bodies.Count == 0)
            {
                if (body is not null)
                {
                    failures.Add($"{route}: declares a request body its handler does not bind.");
                }
                continue;
            }
            var bound = BodyType(bodies.Single().ParameterType);
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            if (accepts?.RequestType != bound)
            {
                failures.Add($"{route}: accepts metadata says {accepts?.RequestType?.Name}, the handler binds {bound.Name}.");
            }
            var schema = body?["content"]?["application/json"]?["schema"] as JsonObject;
            if (schema is null)
            {
                failures.Add($"{route}: the handler binds {bound.Name}, the document declares no application/json body.");
                continue;
            }
            var (declaredType, declaredSchema) = bound.IsArray
                ? (bound.GetElementType()!, Resolve(document, schema)["items"] as JsonObject ?? [])
                : (bound, schema);
            var documented = (Resolve(document, declaredSchema)["properties"] as JsonObject ?? []).Select(p => p.Key).Order(StringComparer.Ordinal);
            var actual = JsonPropertyNames(declaredType).Order(StringComparer.Ordinal);
            if (!documented.SequenceEqual(actual))
            {
                failures.Add($"{route}: the document's body has [{string.Join(", ", documented)}], {declaredType.Name} has [{string.Join(", ", actual)}].");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_field_a_declared_json_body_lists_is_one_its_handler_reads()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        var failures = new List<string>();
        var probed = 0;

        // Every declared field with a value no reader accepts: each one the handler reads comes back
        // in the errors map. A field read but not declared is a 500 (JsonFields refuses to read it).
        foreach (var (route, endpoint) in Endpoints())
        {
            var handler = endpoint.Metadata.OfType<MethodInfo>().First();
            if (handler.GetParameters().FirstOrDefault(p => IsJsonBody(p.ParameterType)) is not { } parameter)
            {
                continue;
            }
            var declared = JsonPropertyNames(parameter.ParameterType.GetGenericArguments()[0]).Order(StringComparer.Ordinal).ToList();
            var body = new JsonObject();
            foreach (var name in declared)
            {
                body[name] = new JsonArray();
            }
            var response = await owner.Client.SendRawAsync(new HttpMethod(route.Method), route.Url(babyId), body.ToJsonString());
            probed++;
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{route}: expected 400 for wrong-typed fields, got {(int)response.StatusCode} (a 500 is a field read but not declared): {text}");
                continue;
            }
            var read = (JsonNode.Parse(text)!["errors"] as JsonObject ?? []).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
            if (!read.SequenceEqual(declared))
            {
                failures.Add($"{route}: declares [{string.Join(", ", declared)}], the handler reads [{string.Join(", ", read)}].");
            }
        }

        Assert.True(probed >= 10, $"Only {probed} routes take a declared JSON body.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task If_Match_is_declared_on_exactly_the_routes_that_honour_it()
    {
        var document = await DocumentAsync();
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        var honoured = new List<string>();
        var declared = new List<string>();

        // An entity tag the app never issued is a 412 wherever If-Match is read; deletes go last.
        foreach (var route in ApiRoutes().Where(r => r.Method != "GET").OrderBy(r => r.Method == "DELETE"))
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(babyId));
            request.Headers.TryAddWithoutValidation("If-Match", "\"not-a-version\"");
            if (route.ReadsBody)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            var response = await owner.Client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                honoured.Add(route.ToString());
            }
            if (OpenApiContract.HeaderNames(OpenApiContract.Operation(document, route)!).Contains("If-Match"))
            {
                declared.Add(route.ToString());
            }
        }

        Assert.Equal(declared, honoured);
        Assert.Contains("PATCH /v1/babies/{babyId}", honoured);
    }

    [Theory]
    [InlineData("/v1/babies/{babyId}/growth/chart.svg", "image/svg+xml")]
    [InlineData("/v1/babies/{babyId}/vaccinations.ics", "text/calendar")]
    [InlineData("/v1/calendar/{token}.ics", "text/calendar")]
    [InlineData("/v1/babies/{babyId}/export", "application/json")]
    [InlineData("/v1/babies/{babyId}/export", "text/csv")]
    [InlineData("/v1/babies/{babyId}/export", "application/fhir+json")]
    public async Task Non_json_and_alternative_responses_declare_their_media_type(string path, string mediaType)
    {
        var document = await DocumentAsync();

        var content = document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject();

        Assert.True(content.ContainsKey(mediaType), $"GET {path} 200 has [{string.Join(", ", content.Select(c => c.Key))}].");
    }

    [Fact]
    public async Task Versioned_resources_declare_their_ETag()
    {
        var document = await DocumentAsync();

        foreach (var (path, method) in new[] { ("/v1/me", "get"), ("/v1/babies/{babyId}", "get"), ("/v1/babies/{babyId}", "patch"),
                     ("/v1/babies/{babyId}/measurements", "post"), ("/v1/babies/{babyId}/measurements/{id}", "get") })
        {
            var success = document["paths"]![path]![method]!["responses"]!.AsObject().First(r => r.Key.StartsWith('2')).Value!;
            Assert.True(success["headers"]?["ETag"] is not null, $"{method.ToUpperInvariant()} {path} does not declare ETag.");
        }
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = _factory.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }

    private IEnumerable<AppRoute> ApiRoutes() => RouteTable.Read(_factory.Services).Where(r => !OpenApiContract.IsInfrastructure(r));

    private IEnumerable<(AppRoute Route, RouteEndpoint Endpoint)> Endpoints() =>
        _factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<MethodInfo>().Any())
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (new AppRoute(m, "/" + e.RoutePattern.RawText!.Trim('/'), false, e.Metadata.GetMetadata<IAcceptsMetadata>() is not null), e)))
            .Where(x => !OpenApiContract.IsInfrastructure(x.Item1))
            .DistinctBy(x => x.Item1.ToString());

    /// <summary>What minimal APIs bind from the body: not a service, route value, query value, special or self-binding type.</summary>
    private bool IsBody(ParameterInfo parameter, HashSet<string> routeValues)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (IsJsonBody(type) || parameter.GetCustomAttribute<FromBodyAttribute>() is not null)
        {
            return true;
        }
        var special = new[] { typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse), typeof(CancellationToken), typeof(ClaimsPrincipal), typeof(Stream) };
        var isService = _factory.Services.GetRequiredService<IServiceProviderIsService>();
        return !special.Contains(type) && !isService.IsService(type) && !routeValues.Contains(parameter.Name!)
            && type != typeof(string) && !type.IsPrimitive && !type.IsEnum && type != typeof(decimal)
            && type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is null
            && type.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is null;
    }

    private static bool IsJsonBody(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(JsonBody<>);

    private static Type BodyType(Type parameterType) =>
        IsJsonBody(parameterType) ? parameterType.GetGenericArguments()[0] : Nullable.GetUnderlyingType(parameterType) ?? parameterType;

    private static IEnumerable<string> JsonPropertyNames(Type type)
    {
        var options = ApiJson.CreateOptions();
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        return options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type).Properties.Select(p => p.Name);
    }

    /// <summary>Follows a $ref (directly or inside a nullable oneOf) to the component it names.</summary>
    private static JsonObject Resolve(JsonObject document, JsonObject schema)
    {
        var reference = schema["$ref"]?.GetValue<string>()
            ?? (schema["oneOf"] ?? schema["anyOf"])?.AsArray().Select(s => s?["$ref"]?.GetValue<string>()).FirstOrDefault(r => r is not null);
        return reference is null ? schema : document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
    }
}
