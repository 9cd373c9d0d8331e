using System.Net;

using Microsoft.AspNetCore.Hosting;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Api;

/// <summary>
/// The items and phases API asks for the same roles as the pages: reading as the site allows, changing
/// for leads and admins only, never a redirect; a read-only token only reads; a cookie call needs the
/// antiforgery token, a token call none.
/// </summary>
public sealed class ItemsApiRolesTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    /// <summary>Every route that changes something, with a body that would be valid.</summary>
    private async Task<List<(HttpMethod Method, string Path, object? Body)>> ChangesAsync()
    {
        var id = await factory.ItemIdAsync(2, 2);
        return
        [
            (HttpMethod.Post, "/api/items", new { phase = 2, title = "Refused" }),
            (HttpMethod.Put, $"/api/items/{id}", new { title = "Refused" }),
            (HttpMethod.Delete, $"/api/items/{id}", null),
            (HttpMethod.Post, $"/api/items/{id}/defer", new { reason = "Refused" }),
            (HttpMethod.Post, $"/api/items/{id}/complete", new { }),
            (HttpMethod.Post, "/api/phases", new { number = 40 }),
            (HttpMethod.Put, "/api/phases/2", new { title = "Refused" }),
            (HttpMethod.Delete, "/api/phases/2", null),
        ];
    }

    [Fact]
    public async Task Anonymous_reads_where_reading_is_open_and_gets_401_where_it_is_closed()
    {
        var id = await factory.ItemIdAsync(2, 1);
        using var open = factory.CreateBrowser();
        foreach (var path in new[] { "/api/items", $"/api/items/{id}", "/api/phases", "/api/phases/2" })
        {
            using var response = await open.CallAsync(HttpMethod.Get, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var closedApp = factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:AllowAnonymousRead", "false"));
        using var closed = closedApp.CreateBrowser();
        foreach (var path in new[] { "/api/items", $"/api/items/{id}", "/api/phases", "/api/phases/2" })
        {
            using var response = await closed.CallAsync(HttpMethod.Get, path);
            Assert.Null(response.Headers.Location);
            await response.ProblemAsync(401);
        }

        var viewerToken = await closedApp.IssueTokenAsync(Roles.Viewer, readOnly: true);
        using var withToken = await closed.CallAsync(HttpMethod.Get, "/api/items", token: viewerToken);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    [Fact]
    public async Task Anonymous_viewers_and_read_only_tokens_cannot_change_anything()
    {
        using var anonymous = factory.CreateBrowser();
        var (viewer, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        var viewerToken = await factory.IssueTokenAsync(Roles.Viewer);
        var readOnlyLead = await factory.IssueTokenAsync(Roles.Lead, readOnly: true);
        using (viewer)
        {
            var antiforgery = await viewer.GetAntiforgeryTokenAsync();
            foreach (var (method, path, body) in await ChangesAsync())
            {
                using var byAnonymous = await anonymous.CallAsync(method, path, body, ifMatch: "*");
                Assert.True(byAnonymous.StatusCode == HttpStatusCode.Unauthorized, $"anonymous {method} {path}: {(int)byAnonymous.StatusCode}");
                using var byViewer = await viewer.CallAsync(method, path, body, ifMatch: "*", antiforgery: antiforgery);
                Assert.True(byViewer.StatusCode == HttpStatusCode.Forbidden, $"viewer {method} {path}: {(int)byViewer.StatusCode}");
                using var byViewerToken = await anonymous.CallAsync(method, path, body, viewerToken, "*");
                Assert.True(byViewerToken.StatusCode == HttpStatusCode.Forbidden, $"viewer token {method} {path}: {(int)byViewerToken.StatusCode}");
                using var byReadOnly = await anonymous.CallAsync(method, path, body, readOnlyLead, "*");
                Assert.True(byReadOnly.StatusCode == HttpStatusCode.Forbidden, $"read-only token {method} {path}: {(int)byReadOnly.StatusCode}");
                await byViewerToken.ProblemAsync(403);
            }
        }
    }

    [Fact]
    public async Task A_leads_cookie_call_needs_the_antiforgery_token_and_a_token_call_none()
    {
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var withoutToken = await lead.CallAsync(HttpMethod.Post, "/api/items", new { phase = 2, title = "By cookie" });
            Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

            var antiforgery = await lead.GetAntiforgeryTokenAsync();
            using var withToken = await lead.CallAsync(HttpMethod.Post, "/api/items", new { phase = 2, title = "By cookie" }, antiforgery: antiforgery);
            Assert.Equal(HttpStatusCode.Created, withToken.StatusCode);
        }

        var token = await factory.IssueTokenAsync(Roles.Admin);
        using var client = factory.CreateBrowser();
        using var byAdminToken = await client.CallAsync(HttpMethod.Post, "/api/items", new { phase = 2, title = "By token" }, token);
        Assert.Equal(HttpStatusCode.Created, byAdminToken.StatusCode);
    }
}
