using System.Text.RegularExpressions;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Items;

/// <summary>
/// A document with markup and script links where text belongs. Every page shows it as text: nothing
/// from a document may run in the browser.
/// </summary>
public sealed class HostileDocumentTests : IClassFixture<HostileDocumentTests.HostilePhase>
{
    private readonly PhaseTrackerFactory _factory;

    public HostileDocumentTests(HostilePhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        _factory = phase.Factory;
    }

    public sealed class HostilePhase : IAsyncLifetime
    {
        public PhaseTrackerFactory Factory { get; } = new();

        public async Task InitializeAsync() => await Factory.ImportAsync(Document);

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>The seed, with script in a title, an owner, a plan step, and script links as tracking issue and PR.</summary>
    public static string Document => Seed.RepairedText
        .Replace("### 1. studio-settings-form.tsx Cleanup", "### 1. <script>alert('title')</script> Cleanup", StringComparison.Ordinal)
        .Replace("**Tracking Issue:** [Create in project management tool]", "**Tracking Issue:** [open](javascript:alert('issue'))", StringComparison.Ordinal)
        .Replace("1. Review local edits with team", "1. Review <img src=x onerror=alert('plan')> [edits](javascript:alert('plan')) with team", StringComparison.Ordinal)
        .Replace("**Owner:** Backend Team", "**Owner:** <b onmouseover=alert('owner')>Backend</b>", StringComparison.Ordinal)
        .Replace("**Priority:** P0 (Critical)\n\n**Owner:** DevOps", "**Priority:** P0 (Critical)\n\n**Owner:** DevOps\n\n**PR:** [#7](JavaScript:alert('pr'))", StringComparison.Ordinal)
        .Replace("**Priority:** P1 (High)\n\n**Owner:** Frontend Team", "**Priority:** P1 (High)\n\n**Owner:** Frontend Team\n\n**Tracking Issue:** [PT-4](https://jira.example.com/browse/PT-4)", StringComparison.Ordinal);

    private async Task<IReadOnlyList<string>> PagesAsync()
    {
        using var client = _factory.CreateClient();
        List<string> pages = [await client.GetPageAsync("/"), await client.GetPageAsync("/items")];
        foreach (var number in new[] { 1, 3, 4, 5 })
        {
            pages.Add(await client.GetPageAsync($"/items/{await _factory.ItemIdAsync(2, number)}"));
        }

        return pages;
    }

    [Fact]
    public void The_hostile_document_carries_what_the_tests_look_for()
    {
        var document = Document;

        Assert.Contains("<script>alert('title')</script>", document, StringComparison.Ordinal);
        Assert.Contains("[open](javascript:alert('issue'))", document, StringComparison.Ordinal);
        Assert.Contains("onerror=alert('plan')", document, StringComparison.Ordinal);
        Assert.Contains("onmouseover=alert('owner')", document, StringComparison.Ordinal);
        Assert.Contains("[#7](JavaScript:alert('pr'))", document, StringComparison.Ordinal);
        Assert.Contains("https://jira.example.com/browse/PT-4", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_page_carries_a_script_from_the_document()
    {
        foreach (var page in await PagesAsync())
        {
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", page);
            Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
            foreach (var tag in Regex.Matches(page, "<[a-zA-Z][^>]*>").Select(m => m.Value))
            {
                // Attribute values are quoted and encoded: an "onclick=" inside one is text, not a handler.
                var attributes = Regex.Replace(tag, "\"[^\"]*\"|'[^']*'", "\"\"");
                Assert.DoesNotMatch(new Regex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase), attributes);
            }
        }
    }

    [Fact]
    public async Task No_page_links_to_a_javascript_address()
    {
        foreach (var page in await PagesAsync())
        {
            Assert.DoesNotMatch(new Regex("href\\s*=\\s*[\"']?\\s*javascript:", RegexOptions.IgnoreCase), page);
        }
    }

    [Fact]
    public async Task Markup_in_a_title_shows_as_text()
    {
        using var client = _factory.CreateClient();

        var page = await client.GetPageAsync("/items");

        Assert.Contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; Cleanup", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_links_as_tracking_issue_and_PR_show_as_text()
    {
        using var client = _factory.CreateClient();

        var first = await client.GetPageAsync($"/items/{await _factory.ItemIdAsync(2, 1)}");
        var fifth = await client.GetPageAsync($"/items/{await _factory.ItemIdAsync(2, 5)}");

        Assert.Matches("Tracking issue</dt>\\s*<dd class=\"col-sm-9\">\\s*\\[open\\]\\(javascript:alert\\(&#x27;issue&#x27;\\)\\)\\s*</dd>", first);
        Assert.Matches("Pull request</dt>\\s*<dd class=\"col-sm-9\">\\[#7\\]\\(JavaScript:alert\\(&#x27;pr&#x27;\\)\\)</dd>", fifth);
    }

    [Fact]
    public async Task A_web_address_as_tracking_issue_becomes_a_link()
    {
        using var client = _factory.CreateClient();

        var page = await client.GetPageAsync($"/items/{await _factory.ItemIdAsync(2, 4)}");

        Assert.Contains("<a href=\"https://jira.example.com/browse/PT-4\" rel=\"noopener noreferrer\">PT-4</a>", page, StringComparison.Ordinal);
    }
}
