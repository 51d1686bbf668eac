using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UpNest.Api.Audit;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Core.Audit;

namespace UpNest.Api.Tests.Audit;

/// <summary>Every baby route declares its audit action from the catalogue: a new route without one fails here.</summary>
public sealed class AuditDeclarationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public void Every_baby_route_and_the_baby_create_declare_a_catalogued_audit_action()
    {
        var endpoints = app.Factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        var babyRoutes = endpoints.Where(e => e.RoutePattern.GetParameter("babyId") is not null
            || e.Metadata.GetMetadata<StartsBabyChain>() is not null).ToList();

        var undeclared = babyRoutes.Where(e => e.Metadata.GetMetadata<Audited>() is null).Select(Describe).ToList();
        var uncatalogued = babyRoutes.Select(e => e.Metadata.GetMetadata<Audited>()).OfType<Audited>()
            .Where(a => !AuditActions.All.Contains(a.Action)).Select(a => a.Action).ToList();

        Assert.True(babyRoutes.Count > 30, $"only {babyRoutes.Count} baby routes found");
        Assert.Empty(undeclared);
        Assert.Empty(uncatalogued);
        Assert.Single(endpoints, e => e.Metadata.GetMetadata<StartsBabyChain>() is not null);
    }

    [Fact]
    public void Group_declarations_name_the_action_of_each_method_and_a_route_of_its_own_overrides_them()
    {
        var endpoints = app.Factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        string ActionOf(string method, string pattern) => endpoints.Single(e => e.RoutePattern.RawText == pattern
            && e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains(method)).Metadata.GetMetadata<Audited>()!.Action;

        Assert.Equal(AuditActions.MeasurementDelete, ActionOf("DELETE", "/v1/babies/{babyId}/measurements/{id}"));
        Assert.Equal(AuditActions.BabyUpdate, ActionOf("PATCH", "/v1/babies/{babyId}/"));
        Assert.Equal(AuditActions.BabyRestore, ActionOf("POST", "/v1/babies/{babyId}/restore"));
    }

    private static string Describe(RouteEndpoint e) =>
        string.Join(',', e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []) + " " + e.RoutePattern.RawText;
}
