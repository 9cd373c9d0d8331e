using System.Net;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Security;

/// <summary><c>Auth:AllowAnonymousRead</c>: on by default; off, every page but sign-in and health needs an account.</summary>
public sealed class AnonymousReadTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    /// <summary>
    /// What stays open when anonymous reading is off, besides the files under wwwroot (the sign-in page
    /// needs its styles; they hold no data) and the error pages (a message and a request id).
    /// </summary>
    private static readonly HashSet<string> AlwaysOpen = new(StringComparer.OrdinalIgnoreCase)
    {
        "/account/login", "/account/access-denied", "/healthz", "/healthz/live", "/metrics",
        "/openapi/1.json", // /openapi/{documentName}.json with a made-up name: the OpenAPI document is open too (a 404 here)
    };

    [Fact]
    public async Task By_default_anyone_may_browse()
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_anonymous_reading_off_a_page_sends_an_anonymous_browser_to_sign_in()
    {
        using var closed = Closed();
        using var browser = closed.CreateBrowser();

        using var response = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2F", response.RedirectPath());
    }

    [Fact]
    public async Task With_anonymous_reading_off_the_api_answers_401_problem_details()
    {
        using var closed = Closed();
        using var client = closed.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/api/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/healthz")]
    [InlineData("/healthz/live")]
    [InlineData("/css/site.css")]
    [InlineData("/lib/bootstrap/dist/css/bootstrap.min.css")]
    public async Task With_anonymous_reading_off_sign_in_health_and_static_files_stay_open(string path)
    {
        using var closed = Closed();
        using var client = closed.CreateBrowser();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_anonymous_reading_off_a_viewer_may_browse()
    {
        using var closed = Closed();
        var (viewer, _) = await closed.CreateSignedInBrowserAsync(Roles.Viewer);
        using (viewer)
        {
            using var response = await viewer.GetAsync(new Uri("/", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task With_anonymous_reading_off_every_page_but_sign_in_and_health_refuses_an_anonymous_request()
    {
        using var closed = Closed();
        using var browser = closed.CreateBrowser();
        _ = closed.Server;
        var failures = new List<string>();

        var pages = closed.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) != false)
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null && !EndpointAuthorizationTests.IsErrorPage(e));
        foreach (var endpoint in pages)
        {
            var url = EndpointAuthorizationTests.UrlFor(endpoint.RoutePattern);
            if (AlwaysOpen.Contains(url))
            {
                continue;
            }

            using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath()?.StartsWith("/account/login?", StringComparison.Ordinal) == true);
            if (!refused)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    private WebApplicationFactory<Program> Closed() =>
        factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:AllowAnonymousRead", "false"));
}
