using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.IntegrationTests.Pages;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Export;

/// <summary><c>/export</c>: the tracking document and the ADR files, downloaded from the browser.</summary>
public sealed class ExportPageTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private static async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return (response, bytes);
    }

    [Fact]
    public async Task The_page_offers_the_phases_with_the_current_one_chosen_a_diagrams_checkbox_and_the_adr_zip()
    {
        using var client = factory.CreateClient();

        var page = BrowsePages.WithoutCssScopes(await PageTestDocuments.GetPageAsync(client, "/export"));

        Assert.Contains("<a class=\"nav-link\" href=\"/export\">Export</a>", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/export/document\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"document-phase\" class=\"form-label\">Phase</label>", page, StringComparison.Ordinal);
        Assert.Matches("<option value=\"2\" selected=\"selected\">Phase 2: [^<]*Phase 2 Tracking[^<]* \\(current\\)</option>", page);
        Assert.Contains("<input class=\"form-check-input\" type=\"checkbox\" id=\"diagrams\" name=\"diagrams\" value=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"form-check-label\" for=\"diagrams\">Add Mermaid diagrams</label>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"format\" value=\"markdown\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"format\" value=\"json\"", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/export/adrs\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_markdown_download_is_the_imported_document_byte_for_byte_under_its_file_name()
    {
        using var client = factory.CreateClient();

        var (response, bytes) = await DownloadAsync(client, "/export/document?phase=2&format=markdown");

        Assert.Equal(Seed.Utf8.GetBytes(Seed.RepairedText), bytes);
        Assert.Equal("text/markdown; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("PHASE2_TRACKING.md", response.Content.Headers.ContentDisposition?.FileName);
        response.Dispose();
    }

    [Fact]
    public async Task Without_a_phase_or_format_the_current_phase_comes_as_markdown()
    {
        using var client = factory.CreateClient();

        var (response, bytes) = await DownloadAsync(client, "/export/document");

        Assert.Equal(Seed.Utf8.GetBytes(Seed.RepairedText), bytes);
        response.Dispose();
    }

    [Fact]
    public async Task The_diagrams_checkbox_adds_one_gantt_and_one_quadrant_chart_and_a_plain_download_has_none()
    {
        using var client = factory.CreateClient();

        var (withResponse, with) = await DownloadAsync(client, "/export/document?phase=2&diagrams=true&format=markdown");
        var (withoutResponse, without) = await DownloadAsync(client, "/export/document?phase=2&format=markdown");

        var text = Seed.Utf8.GetString(with);
        Assert.Equal(1, ExportFiles.GeneratedGantts(text));
        Assert.Equal(1, ExportFiles.GeneratedQuadrantCharts(text));
        Assert.Equal(0, ExportFiles.GeneratedGantts(Seed.Utf8.GetString(without)));
        withResponse.Dispose();
        withoutResponse.Dispose();
    }

    [Fact]
    public async Task The_json_download_is_the_phase_as_json_under_the_documents_name()
    {
        using var client = factory.CreateClient();

        var (response, bytes) = await DownloadAsync(client, "/export/document?phase=2&format=json");

        using var json = JsonDocument.Parse(bytes);
        Assert.Equal(5, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("PHASE2_TRACKING.json", response.Content.Headers.ContentDisposition?.FileName);
        response.Dispose();
    }

    [Fact]
    public async Task A_download_of_a_phase_the_database_does_not_hold_is_not_found()
    {
        using var client = factory.CreateClient();

        using var document = await client.GetAsync(new Uri("/export/document?phase=99", UriKind.Relative));
        using var adrs = await client.GetAsync(new Uri("/export/adrs?phase=99", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, adrs.StatusCode);
    }

    [Fact]
    public async Task The_adr_zip_holds_one_madr_file_per_record_under_docs_adr()
    {
        using var client = factory.CreateClient();

        var (response, bytes) = await DownloadAsync(client, "/export/adrs");

        var entries = ExportFiles.Entries(bytes);
        Assert.Equal(
            [
                "docs/adr/0001-remove-prisma-in-favor-of-sqlalchemy.md",
                "docs/adr/0002-unified-http-client-vs-multiple-clients.md",
                "docs/adr/0003-exponential-backoff-for-retries.md",
                "docs/adr/0004-correlation-ids-via-x-request-id-header.md",
            ],
            entries.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("---\nstatus: accepted\ndate: 2025-11-12\n---\n\n# Remove Prisma in Favor of SQLAlchemy\n", entries["docs/adr/0001-remove-prisma-in-favor-of-sqlalchemy.md"], StringComparison.Ordinal);
        Assert.Contains("## Context and Problem Statement", entries["docs/adr/0002-unified-http-client-vs-multiple-clients.md"], StringComparison.Ordinal);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("adrs.zip", response.Content.Headers.ContentDisposition?.FileName);
        response.Dispose();

        var (phaseResponse, phaseBytes) = await DownloadAsync(client, "/export/adrs?phase=2");
        Assert.Equal(entries.Keys.Order(StringComparer.Ordinal), ExportFiles.Entries(phaseBytes).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("phase-2-adrs.zip", phaseResponse.Content.Headers.ContentDisposition?.FileName);
        phaseResponse.Dispose();
    }

    [Fact]
    public async Task A_superseded_record_and_its_successor_link_to_each_other_in_the_zip()
    {
        using var own = new PhaseTrackerFactory();
        await own.ImportAsync(ExportFiles.SeedWithSupersession);
        using var client = own.CreateClient();

        var (response, bytes) = await DownloadAsync(client, "/export/adrs?phase=2");

        var entries = ExportFiles.Entries(bytes);
        var older = entries["docs/adr/0003-exponential-backoff-for-retries.md"];
        var newer = entries["docs/adr/0004-correlation-ids-via-x-request-id-header.md"];
        Assert.Contains("\nstatus: superseded by ADR-0004\n", older, StringComparison.Ordinal);
        Assert.Contains("* Superseded by [ADR-004: Correlation IDs via X-Request-ID Header](0004-correlation-ids-via-x-request-id-header.md)\n", older, StringComparison.Ordinal);
        Assert.Contains("* Supersedes [ADR-003: Exponential Backoff for Retries](0003-exponential-backoff-for-retries.md)\n", newer, StringComparison.Ordinal);
        response.Dispose();
    }

    [Fact]
    public async Task A_markdown_download_after_an_edit_becomes_the_phases_remembered_text_and_a_json_download_does_not()
    {
        using var own = new PhaseTrackerFactory();
        using var client = own.CreateClient();
        Assert.Equal(Seed.RepairedText, await own.SourceTextAsync(2));

        await own.SetEffortAsync(2, 2, 6);
        var (jsonResponse, _) = await DownloadAsync(client, "/export/document?phase=2&format=json");
        jsonResponse.Dispose();
        Assert.Equal(Seed.RepairedText, await own.SourceTextAsync(2));

        var (response, bytes) = await DownloadAsync(client, "/export/document?phase=2&format=markdown&diagrams=true");
        response.Dispose();

        var exported = Seed.Utf8.GetString(bytes);
        Assert.Contains("**Estimated Effort:** 6 hours", exported, StringComparison.Ordinal);
        Assert.Equal(exported, await own.SourceTextAsync(2));
    }

    [Fact]
    public async Task While_reading_is_closed_the_page_and_its_downloads_need_an_account_and_any_role_may_export()
    {
        using var closed = factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:AllowAnonymousRead", "false"));
        using var anonymous = closed.CreateBrowser();
        using var page = await anonymous.GetAsync(new Uri("/export", UriKind.Relative));
        using var download = await anonymous.GetAsync(new Uri("/export/document", UriKind.Relative));
        Assert.StartsWith("/account/login?", page.RedirectPath(), StringComparison.Ordinal);
        Assert.StartsWith("/account/login?", download.RedirectPath(), StringComparison.Ordinal);

        var (viewer, _) = await closed.CreateSignedInBrowserAsync(Roles.Viewer);
        using (viewer)
        {
            var (response, bytes) = await DownloadAsync(viewer, "/export/document?phase=2");
            Assert.Equal(Seed.Utf8.GetBytes(Seed.RepairedText), bytes);
            response.Dispose();
        }
    }
}
