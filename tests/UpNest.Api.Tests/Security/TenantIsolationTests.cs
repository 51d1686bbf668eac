using System.Net;
using System.Text;
using UpNest.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UpNest.Api.Tests.Security;

/// <summary>
/// Reads the app's own route table, so a route added later is covered without anyone
/// remembering to add it here.
/// </summary>
public sealed class TenantIsolationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Stranger_gets_404_on_every_baby_route()
    {
        var owner = await _factory.SignUpAsync();
        var stranger = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync())["id"]!.GetValue<string>();

        var routes = RouteTable.Read(_factory.Services).Where(r => r.IsBabyScoped).ToList();
        Assert.Contains(routes, r => r.ToString() == "GET /v1/babies/{babyId}");
        Assert.Contains(routes, r => r.ToString() == "POST /v1/babies/{babyId}/measurements");

        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(babyId));
            if (route.HasBody)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            var response = await stranger.Client.SendAsync(request);
            output.WriteLine($"{route} -> {(int)response.StatusCode}");
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        output.WriteLine($"{routes.Count} baby-scoped routes checked");

        // The owner's baby is untouched by all of that.
        var check = await owner.Client.GetAsync($"/v1/babies/{babyId}");
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(1, (await check.ReadJsonAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_protected_route()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync())["id"]!.GetValue<string>();
        using var anonymous = _factory.CreateClient();

        var routes = RouteTable.Read(_factory.Services).Where(r => !r.AllowsAnonymous).ToList();
        Assert.Contains(routes, r => r.ToString() == "GET /v1/me");
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(babyId));
            if (route.HasBody)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            var response = await anonymous.SendAsync(request);
            output.WriteLine($"{route} -> {(int)response.StatusCode}");
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_stranger_does_not_see_other_families_in_lists()
    {
        var owner = await _factory.SignUpAsync();
        var stranger = await _factory.SignUpAsync();
        await owner.CreateBabyAsync();

        var list = await (await stranger.Client.GetAsync("/v1/babies")).ReadJsonAsync();
        Assert.Empty(list["items"]!.AsArray());
    }
}
