using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Export;

/// <summary><c>GET /api/export</c> and <c>GET /api/export/adrs</c>: the export for scripts.</summary>
public sealed class ExportApiTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private static async Task<(HttpStatusCode Status, MediaTypeHeaderValue? ContentType, byte[] Bytes)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_export_is_the_current_phases_markdown_byte_for_byte()
    {
        using var client = factory.CreateClient();

        var (status, contentType, bytes) = await GetAsync(client, "/api/export");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/markdown; charset=utf-8", contentType?.ToString());
        Assert.Equal(Seed.Utf8.GetBytes(Seed.RepairedText), bytes);
        Assert.Equal(bytes, (await GetAsync(client, "/api/export?phase=2&format=markdown")).Bytes);
    }

    [Fact]
    public async Task Format_json_gives_the_phase_as_json()
    {
        using var client = factory.CreateClient();

        var (status, contentType, bytes) = await GetAsync(client, "/api/export?phase=2&format=json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", contentType?.MediaType);
        using var json = JsonDocument.Parse(bytes);
        Assert.Equal(5, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(4, json.RootElement.GetProperty("decisionRecords").GetArrayLength());
    }

    [Fact]
    public async Task Diagrams_true_adds_the_gantt_and_the_quadrant_chart_once_and_an_export_of_that_import_keeps_them_once()
    {
        using var own = new PhaseTrackerFactory();
        using var client = own.CreateClient();

        var (status, _, bytes) = await GetAsync(client, "/api/export?diagrams=true");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = Seed.Utf8.GetString(bytes);
        Assert.Equal(1, ExportFiles.GeneratedGantts(text));
        Assert.Equal(1, ExportFiles.GeneratedQuadrantCharts(text));
        Assert.Equal(Seed.RepairedText, ExportFiles.WithoutGeneratedDiagrams(text));

        await own.ImportAsync(text);
        Assert.Equal(bytes, (await GetAsync(client, "/api/export?diagrams=true")).Bytes);
        Assert.Equal(bytes, (await GetAsync(client, "/api/export")).Bytes);
    }

    [Fact]
    public async Task An_unknown_phase_is_a_404_problem_and_an_unknown_format_a_400_problem()
    {
        using var client = factory.CreateClient();

        using var missing = await client.GetAsync(new Uri("/api/export?phase=99", UriKind.Relative));
        using var missingAdrs = await client.GetAsync(new Uri("/api/export/adrs?phase=99", UriKind.Relative));
        using var pdf = await client.GetAsync(new Uri("/api/export?format=pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("The database holds no phase 99.", problem.RootElement.GetProperty("detail").GetString());
        Assert.True(problem.RootElement.TryGetProperty("requestId", out _), "the problem carries the request's id");

        Assert.Equal(HttpStatusCode.NotFound, missingAdrs.StatusCode);
        Assert.Equal("application/problem+json", missingAdrs.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("format takes markdown or json, not 'pdf'.", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_adr_export_is_a_zip_of_madr_files()
    {
        using var client = factory.CreateClient();

        var (status, contentType, bytes) = await GetAsync(client, "/api/export/adrs?phase=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/zip", contentType?.MediaType);
        var entries = ExportFiles.Entries(bytes);
        Assert.Equal(4, entries.Count);
        Assert.All(entries.Keys, path => Assert.Matches("^docs/adr/000[1-4]-[a-z0-9-]+\\.md$", path));
    }

    [Fact]
    public async Task Anyone_may_export_while_reading_is_open_and_an_account_is_needed_while_it_is_closed()
    {
        using var open = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(open, "/api/export")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(open, "/api/export/adrs")).Status);

        using var closed = factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:AllowAnonymousRead", "false"));
        using var anonymous = closed.CreateBrowser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(anonymous, "/api/export")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(anonymous, "/api/export/adrs")).Status);

        var (viewer, _) = await closed.CreateSignedInBrowserAsync(Roles.Viewer);
        using (viewer)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(viewer, "/api/export")).Status);
        }
    }

    [Fact]
    public async Task A_markdown_export_through_the_api_becomes_the_phases_remembered_text()
    {
        using var own = new PhaseTrackerFactory();
        using var client = own.CreateClient();
        await own.SetEffortAsync(2, 3, 5);

        var (status, _, bytes) = await GetAsync(client, "/api/export");

        Assert.Equal(HttpStatusCode.OK, status);
        var exported = Seed.Utf8.GetString(bytes);
        Assert.NotEqual(Seed.RepairedText, exported);
        Assert.Equal(exported, await own.SourceTextAsync(2));
    }
}
