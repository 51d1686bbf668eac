using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UpNest.Api.Babies;
using UpNest.Api.Endpoints;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Api.Tests.Sharing;
using UpNest.Core.Babies;
using Xunit.Abstractions;

namespace UpNest.Api.Tests.Security;

/// <summary>
/// Every route of the app's own route table × every kind of caller, each cell's expected status
/// computed from one rule and the route's metadata, so a new route is checked the day it is added.
/// </summary>
public sealed class RoleMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private enum Caller { Anonymous, Stranger, Viewer, Caregiver, Owner }

    private enum Expect { Unauthorized, NotFound, Forbidden, Allowed, NoServerError }

    private readonly UpNestFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Every_route_answers_every_role_as_the_access_rule_says()
    {
        var owner = await _factory.SignUpAsync();
        var caregiver = await _factory.SignUpAsync();
        var viewer = await _factory.SignUpAsync();
        var stranger = await _factory.SignUpAsync();
        using var anonymous = _factory.CreateClient();
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = anonymous, [Caller.Stranger] = stranger.Client, [Caller.Viewer] = viewer.Client,
            [Caller.Caregiver] = caregiver.Client, [Caller.Owner] = owner.Client,
        };
        var minimumRoles = MinimumRoles(_factory.Services);

        // Deletes go last (an account delete very last), and the owner acts last on each route,
        // so no request takes away what a later one needs.
        var routes = RouteTable.Read(_factory.Services)
            .OrderBy(r => r.Method == "DELETE" ? (r.Pattern.StartsWith("/v1/me", StringComparison.Ordinal) ? 2 : 1) : 0)
            .ToList();
        var failures = new List<string>();
        var cells = 0;
        foreach (var route in routes)
        {
            // A baby of its own per route: a delete or a role change on one route cannot leak into the next.
            var babyId = "none";
            if (route.IsBabyScoped)
            {
                babyId = (await owner.CreateBabyAsync()).Id();
                await owner.ShareWithAsync(babyId, caregiver, "caregiver");
                await owner.ShareWithAsync(babyId, viewer, "viewer");
            }
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var expect = Rule(route, caller, minimumRoles.TryGetValue(route.ToString(), out var least) ? least : null);
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(babyId));
                if (route.HasBody)
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }
                var response = await clients[caller].SendAsync(request);
                cells++;
                var status = (int)response.StatusCode;
                if (!Satisfies(expect, status, route))
                {
                    failures.Add($"{route} as {caller}: expected {expect}, got {status}");
                }
            }
        }

        output.WriteLine($"role matrix: {routes.Count} routes × {Enum.GetValues<Caller>().Length} roles = {cells} cells");
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Contains(routes, r => r.ToString() == "DELETE /v1/babies/{babyId}/caregivers/{userId}");
    }

    /// <summary>The access rule, written once.</summary>
    private static Expect Rule(AppRoute route, Caller caller, Role? minimum)
    {
        if (route.AllowsAnonymous)
        {
            return Expect.NoServerError; // its own rules (login, health, calendar secret) decide
        }
        if (caller == Caller.Anonymous)
        {
            return Expect.Unauthorized;
        }
        if (!route.IsBabyScoped)
        {
            return Expect.Allowed;
        }
        if (caller == Caller.Stranger)
        {
            return Expect.NotFound;
        }
        var role = caller switch { Caller.Owner => Role.Owner, Caller.Caregiver => Role.Caregiver, _ => Role.Viewer };
        var needed = minimum ?? (route.Method is "GET" or "HEAD" ? Role.Viewer : Role.Caregiver);
        return role < needed ? Expect.Forbidden : Expect.Allowed;
    }

    /// <summary>
    /// Allowed means authorization let the caller through: never 401/403, never 5xx, and a 404 only
    /// where the URL names a sub-resource by a placeholder id that does not exist.
    /// </summary>
    private static bool Satisfies(Expect expect, int status, AppRoute route) => expect switch
    {
        Expect.Unauthorized => status == 401,
        Expect.NotFound => status == 404,
        Expect.Forbidden => status == 403,
        Expect.NoServerError => status < 500,
        _ => status < 500 && status is not (401 or 403) && (status != 404 || HasPlaceholder(route)),
    };

    private static bool HasPlaceholder(AppRoute route) =>
        route.Pattern.Replace("{babyId}", string.Empty, StringComparison.Ordinal).Contains('{', StringComparison.Ordinal);

    /// <summary>
    /// The least role each route needs, from its metadata: <see cref="RequiresRole"/>, and
    /// owner for routes that only let non-owners act on themselves (the placeholder is never self).
    /// </summary>
    private static Dictionary<string, Role> MinimumRoles(IServiceProvider services)
    {
        var result = new Dictionary<string, Role>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            Role? role = endpoint.Metadata.GetMetadata<OwnerUnlessSelf>() is not null ? Role.Owner
                : endpoint.Metadata.GetMetadata<RequiresRole>()?.Role;
            if (role is null)
            {
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                result[$"{method} /{endpoint.RoutePattern.RawText!.Trim('/')}"] = role.Value;
            }
        }
        return result;
    }
}
