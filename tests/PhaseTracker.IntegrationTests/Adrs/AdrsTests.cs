using System.Net;

using PhaseTracker.Benchmarks;
using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Pages;

namespace PhaseTracker.IntegrationTests.Adrs;

public sealed class AdrsTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task The_list_shows_each_record_with_its_number_title_date_and_status()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/adrs");

        Assert.Contains("<a href=\"/adrs/1\">ADR-001</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/adrs/4\">ADR-004</a>", page, StringComparison.Ordinal);
        Assert.Contains("Remove Prisma in Favor of SQLAlchemy", page, StringComparison.Ordinal);
        Assert.Contains("Correlation IDs via X-Request-ID Header", page, StringComparison.Ordinal);
        Assert.Contains("November 12, 2025", page, StringComparison.Ordinal);
        Assert.Contains("Accepted ✅", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_filter_is_a_labelled_select_of_the_status_words_present()
    {
        await factory.ImportValidAsync(SupersedingDocument);
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/adrs");

        Assert.Contains("<form method=\"get\" action=\"/adrs\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"adr-status\"", page, StringComparison.Ordinal);
        Assert.Contains("<select id=\"adr-status\" name=\"status\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Accepted\">Accepted</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Superseded\">Superseded</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Deprecated\">Deprecated</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"Accepted ✅\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_status_matches_the_status_word_whatever_its_case_or_emoji()
    {
        await factory.ImportValidAsync(SupersedingDocument);
        using var client = factory.CreateClient();

        var accepted = await client.GetPageAsync("/adrs?status=accepted");
        var superseded = await client.GetPageAsync("/adrs?status=SUPERSEDED");

        Assert.Contains(">ADR-001</a>", accepted, StringComparison.Ordinal);
        Assert.Contains(">ADR-016</a>", accepted, StringComparison.Ordinal);
        Assert.DoesNotContain(">ADR-017</a>", accepted, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Accepted\" selected=\"selected\">", accepted, StringComparison.Ordinal);
        Assert.Contains(">ADR-017</a>", superseded, StringComparison.Ordinal);
        Assert.DoesNotContain(">ADR-001</a>", superseded, StringComparison.Ordinal);
        Assert.DoesNotContain(">ADR-016</a>", superseded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_no_record_has_shows_a_way_back_to_all_records()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/adrs?status=Withdrawn");

        Assert.Contains("No decision record has the status “Withdrawn”", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/adrs\">Show all", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">ADR-001</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_shows_context_decision_consequences_with_their_marks_and_alternatives_with_verdicts()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/adrs/4");

        Assert.Contains("ADR-004:", page, StringComparison.Ordinal);
        Assert.Contains("Correlation IDs via X-Request-ID Header", page, StringComparison.Ordinal);
        Assert.Contains("<li>Debugging distributed systems requires request tracing</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Pass as <code>X-Request-ID</code> header</li>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"text-success\" aria-hidden=\"true\">✅</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">positive:</span>", page, StringComparison.Ordinal);
        Assert.Contains("Can trace requests end-to-end", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"text-warning-emphasis\" aria-hidden=\"true\">⚠️</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">negative:</span>", page, StringComparison.Ordinal);
        Assert.Contains("Adds small overhead (~10 bytes per request)", page, StringComparison.Ordinal);
        Assert.Contains("Backend generates ID", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Rejected</strong>:", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Future consideration</strong>:", page, StringComparison.Ordinal);
        Assert.Contains("More complete but heavier", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supersedes_and_superseded_by_link_both_ways_even_when_only_one_record_says_so()
    {
        await factory.ImportValidAsync(SupersedingDocument);
        using var client = factory.CreateClient();

        // ADR-016 says "Supersedes: ADR-015"; ADR-015 says nothing about it.
        var older = await client.GetPageAsync("/adrs/15");
        var newer = await client.GetPageAsync("/adrs/16");

        Assert.Contains("Superseded by</dt>", older, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/adrs/16\">ADR-016</a>: Store Sessions in PostgreSQL", older, StringComparison.Ordinal);
        Assert.Contains("Supersedes</dt>", newer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/adrs/15\">ADR-015</a>: Store Sessions in Redis", newer, StringComparison.Ordinal);

        // ADR-017's status says "Superseded by ADR-018"; ADR-018 names no record it supersedes.
        var replaced = await client.GetPageAsync("/adrs/17");
        var replacing = await client.GetPageAsync("/adrs/18");

        Assert.Contains("<a href=\"/adrs/18\">ADR-018</a>: Sessions in Signed Cookies", replaced, StringComparison.Ordinal);
        Assert.Contains("Supersedes</dt>", replacing, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/adrs/17\">ADR-017</a>: Sessions in Memcached", replacing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_a_record_that_is_not_in_the_database_is_text()
    {
        await factory.ImportValidAsync(SupersedingDocument);
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/adrs/19");

        Assert.Contains("ADR-014 <span class=\"text-muted\">(not in the database)</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/adrs/14\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/adrs/999")]
    [InlineData("/adrs/0")]
    [InlineData("/adrs/ADR-001")]
    public async Task An_unknown_record_gives_the_friendly_404_page(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("That page is not here.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_list_is_paged_and_the_pages_keep_the_filter()
    {
        using var large = new PhaseTrackerFactory();
        await large.ImportValidAsync(TrackingDocumentGenerator.Generate(items: 5, adrs: 120, seed: 7));
        using var client = large.CreateClient();

        var first = await client.GetPageAsync("/adrs");
        var last = await client.GetPageAsync("/adrs?page=3");
        var beyond = await client.GetPageAsync("/adrs?page=99");

        Assert.Equal(AdrsPageSize, CountRows(first));
        Assert.Contains("Page 1 of 3", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/adrs?page=2\"", first, StringComparison.Ordinal);
        Assert.Equal(120 - (2 * AdrsPageSize), CountRows(last));
        Assert.Contains(">ADR-120</a>", last, StringComparison.Ordinal);
        Assert.Contains("Page 3 of 3", beyond, StringComparison.Ordinal);

        var proposed = await client.GetPageAsync("/adrs?status=proposed");
        Assert.All(HtmlTags.Read(proposed).Where(t => t.Name == "a" && t["class"] == "page-link"),
            link => Assert.Contains("status=proposed", link["href"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_records_the_list_says_where_they_come_from()
    {
        using var empty = new PhaseTrackerFactory();
        await empty.EmptyDatabaseAsync();
        using var client = empty.CreateClient();

        var page = await client.GetPageAsync("/adrs");

        Assert.Contains("No decision records yet.", page, StringComparison.Ordinal);
        Assert.Contains("import", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
    }

    private const int AdrsPageSize = PhaseTracker.Web.Features.Adrs.AdrsQuery.PageSize;

    private static int CountRows(string page) =>
        HtmlTags.Read(page).Count(t => t.Name == "a" && t["href"] is { } href && href.StartsWith("/adrs/", StringComparison.Ordinal));

    /// <summary>
    /// A phase 3 document whose records link to each other the ways teams write it: on the newer record
    /// only (015 ← 016), on the older one only (017 → 018), and to a record no document holds (019 → 014).
    /// </summary>
    private const string SupersedingDocument = """
        # 📋 Phase 3 Tracking — Deferred Items

        ## Overview

        **Purpose:** Track work deferred from Phase 2 to Phase 3.

        ---

        ## 🎯 Deferred Items from Phase 2

        ### 1. Move Sessions to PostgreSQL

        **Status:** 📋 **Specified, Not Built**

        **Estimated Effort:** 6 hours

        **Priority:** P1 (High)

        **Owner:** Backend Team

        ---

        ## 📐 Architecture Decision Records (ADRs)

        ### ADR-015: Store Sessions in Redis

        **Date:** October 2, 2025

        **Status:** Deprecated

        **Context:**
        - Sessions were kept in memory and lost on every deploy

        **Decision:**
        - Keep sessions in Redis with a 24-hour TTL

        ---

        ### ADR-016: Store Sessions in PostgreSQL

        **Date:** November 28, 2025

        **Status:** Accepted ✅

        **Supersedes:** ADR-015

        **Context:**
        - PostgreSQL already runs with backups and monitoring

        **Decision:**
        - Keep sessions in an unlogged PostgreSQL table

        ---

        ### ADR-017: Sessions in Memcached

        **Date:** March 3, 2025

        **Status:** Superseded by ADR-018

        ---

        ### ADR-018: Sessions in Signed Cookies

        **Date:** April 4, 2025

        **Status:** Accepted ✅

        ---

        ### ADR-019: Drop the Session Sweeper

        **Date:** May 5, 2025

        **Status:** Accepted ✅

        **Supersedes:** ADR-014

        ---

        **Last Updated:** November 28, 2025
        **Version:** 1.1
        **Status:** Phase 3 Planning

        """;
}
