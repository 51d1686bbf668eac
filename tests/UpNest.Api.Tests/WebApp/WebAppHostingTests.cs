using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.WebApp;

/// <summary>The parent web app is served by the API itself, at /app/, from the committed build.</summary>
public sealed class WebAppHostingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/")]
    [InlineData("/app")]
    public async Task The_root_and_the_bare_app_path_redirect_to_the_app(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/app/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_app_is_served_at_app_with_a_same_origin_content_security_policy()
    {
        var response = await _client.GetAsync("/app/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"root\"></div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("//cdn", html, StringComparison.OrdinalIgnoreCase);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/app/babies/01abc/growth")]
    [InlineData("/app/settings")]
    [InlineData("/app/invite/01m8w1z09kmmw2dg.fknhpr4yf1")]
    public async Task Deep_links_under_app_fall_back_to_the_index_page(string path)
    {
        var index = await _client.GetStringAsync("/app/");

        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(index, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Built_assets_are_served_with_their_type_and_cached_for_good()
    {
        var index = await _client.GetStringAsync("/app/");
        var script = System.Text.RegularExpressions.Regex.Match(index, "src=\"(/app/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        var response = await _client.GetAsync(script);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/app/assets/missing.js")]
    [InlineData("/app/robots.txt")]
    public async Task A_missing_asset_is_404_not_the_index(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/app/..%2F..%2Fappsettings.json")]
    [InlineData("/app/assets/..%2F..%2F..%2Fappsettings.json")]
    public async Task A_path_that_climbs_out_of_the_app_never_reads_a_file_outside_it(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.DoesNotContain("\"Storage\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
