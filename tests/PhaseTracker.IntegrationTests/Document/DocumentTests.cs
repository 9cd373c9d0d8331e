using System.Net;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Pages;

namespace PhaseTracker.IntegrationTests.Document;

public sealed class DocumentTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task The_page_renders_the_process_text_as_markdown()
    {
        using var client = factory.CreateClient();

        var page = BrowsePages.WithoutCssScopes(await client.GetPageAsync("/document?phase=2"));

        Assert.Contains("<h3>How to Update This Document</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<strong>When deferring work from Phase N to Phase N+1:</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Explain why deferred</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Mark item as ✅ Complete</li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relative_related_documents_are_shown_as_paths_in_the_team_repository()
    {
        using var client = factory.CreateClient();

        var page = BrowsePages.WithoutCssScopes(await client.GetPageAsync("/document?phase=2"));

        Assert.Contains("Phase 1 Audit <span class=\"text-muted\">(in the team’s repository: <code>../AUDIT.md</code>)</span>", page, StringComparison.Ordinal);
        Assert.Contains("<code>./OBSERVABILITY_PLAN.md</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"../AUDIT.md\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footer_facts_are_shown()
    {
        using var client = factory.CreateClient();

        var page = BrowsePages.WithoutCssScopes(await client.GetPageAsync("/document?phase=2"));

        Assert.Contains("<dt class=\"col-sm-2\">Last updated</dt>", page, StringComparison.Ordinal);
        Assert.Contains("November 12, 2025", page, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-10\">1.0</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-10\">Phase 2 Planning</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_and_mail_links_are_links_and_other_schemes_are_not()
    {
        await factory.ImportValidAsync(LinksDocument);
        using var client = factory.CreateClient();

        var page = BrowsePages.WithoutCssScopes(await client.GetPageAsync("/document?phase=4"));
        var tags = HtmlTags.Read(page);

        Assert.Contains(tags, t => t.Name == "a" && t["href"] == "https://example.com/runbook");
        Assert.Contains(tags, t => t.Name == "a" && t["href"] == "mailto:team@example.com");
        Assert.DoesNotContain(tags, t => t.Attributes.Any(a => HtmlTags.IsExecutableUrl(a.Value)));
        Assert.Contains("Script <span class=\"text-muted\">(link not shown", page, StringComparison.Ordinal);
        Assert.Contains("Data <span class=\"text-muted\">(link not shown", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_phase_number_the_page_shows_the_current_phase_and_offers_the_others()
    {
        await factory.ImportValidAsync(LinksDocument);
        using var client = factory.CreateClient();

        var page = BrowsePages.WithoutCssScopes(await client.GetPageAsync("/document"));

        Assert.Contains("Phase 4 Tracking", page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"nav-link active\" aria-current=\"page\" href=\"/document?phase=4\">Phase 4</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"nav-link\" href=\"/document?phase=2\">Phase 2</a>", page, StringComparison.Ordinal);
        Assert.Contains("This document has no process section", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_phase_gives_the_friendly_404_page()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/document?phase=42", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("That page is not here.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_document_the_page_says_how_to_import_one()
    {
        using var empty = new PhaseTrackerFactory();
        await empty.EmptyDatabaseAsync();
        using var client = empty.CreateClient();

        var page = BrowsePages.WithoutCssScopes(await client.GetPageAsync("/document"));

        Assert.Contains("No tracking document yet", page, StringComparison.Ordinal);
        Assert.Contains("import FILE", page, StringComparison.Ordinal);
    }

    private const string LinksDocument = """
        # Phase 4 Tracking

        ## Overview

        **Purpose:** Links of every kind.

        ---

        ## 📚 Related Documentation

        - [Runbook](https://example.com/runbook)
        - [Team mailbox](mailto:team@example.com)
        - [Script](javascript:alert(1))
        - [Data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
        - [Phase 3](./PHASE3_TRACKING.md)

        ---

        **Last Updated:** December 1, 2025
        **Version:** 0.1
        **Status:** Phase 4 Planning

        """;
}
