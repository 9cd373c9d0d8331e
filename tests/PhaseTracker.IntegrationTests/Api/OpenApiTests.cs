using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json is open to anyone and describes every /api route the app maps.</summary>
public sealed class OpenApiTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task The_document_lists_every_api_route_the_app_maps_with_its_methods()
    {
        using var closed = factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:AllowAnonymousRead", "false"));
        using var anonymous = closed.CreateBrowser();

        using var response = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {Normalize(path.Name)}"))
            .ToHashSet(StringComparer.Ordinal);

        var mapped = ApiRoutes(closed).ToList();
        Assert.Contains("GET /api/items", mapped);
        Assert.Contains("PUT /api/items/{id}", mapped);
        Assert.Contains("DELETE /api/phases/{number}", mapped);
        var undocumented = mapped.Where(route => !documented.Contains(route)).ToList();
        Assert.True(undocumented.Count == 0, "not in the OpenAPI document: " + string.Join(", ", undocumented));
    }

    [Fact]
    public async Task A_new_api_controller_appears_in_the_document_with_no_change_to_the_wiring()
    {
        // The test assembly's probes: /api/test/throw is on a plain Controller, /api/test/admin-only on an [ApiController].
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddControllersWithViews().AddApplicationPart(typeof(OpenApiTests).Assembly)));
        using var anonymous = app.CreateBrowser();

        using var response = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {Normalize(path.Name)}"))
            .ToHashSet(StringComparer.Ordinal);

        var mapped = ApiRoutes(app).ToList();
        Assert.Contains("GET /api/test/throw", mapped);
        Assert.Contains("GET /api/test/admin-only", mapped);
        var undocumented = mapped.Where(route => !documented.Contains(route)).ToList();
        Assert.True(undocumented.Count == 0, "not in the OpenAPI document: " + string.Join(", ", undocumented));
        Assert.DoesNotContain(documented, route => !route.Contains(" /api", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_operations_say_what_they_answer()
    {
        using var anonymous = factory.CreateBrowser();
        using var response = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        var put = paths.GetProperty("/api/items/{id}").GetProperty("put");
        Assert.Equal(["application/json"], put.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name));
        Assert.False(string.IsNullOrEmpty(put.GetProperty("summary").GetString()));
        var statuses = put.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "200", "400", "404", "409", "412", "428" }, statuses);
        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));

        var list = paths.GetProperty("/api/items").GetProperty("get");
        var parameters = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "phase", "status", "priority", "owner", "q", "sort", "page", "pageSize" }, parameters);
        Assert.True(document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("ItemDto", out _));

        var create = paths.GetProperty("/api/items").GetProperty("post");
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
        Assert.False(create.GetProperty("responses").TryGetProperty("200", out _));
    }

    [Fact]
    public async Task The_document_is_served_in_production_with_the_security_headers()
    {
        using var production = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var anonymous = production.CreateBrowser();

        using var response = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy") || response.Content.Headers.Contains("Content-Security-Policy"));
        Assert.Contains("\"/api/items\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every method and route under /api that the app maps, as "GET /api/items/{id}" (constraints dropped).</summary>
    private static IEnumerable<string> ApiRoutes(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        _ = app.Server;
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && path != "/api")
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Where(m => m != HttpMethods.Head && m != HttpMethods.Options))
            {
                yield return $"{method.ToUpperInvariant()} {Normalize(path)}";
            }
        }
    }

    /// <summary>"/api/items/{id:int}" and "/api/items/{id}" alike, in lower case.</summary>
    private static string Normalize(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}:?]+)[^}]*\}", "{$1}").ToLowerInvariant();
}
