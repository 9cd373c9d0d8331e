using System.Net;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Items;

/// <summary>The item pages of the seed document.</summary>
public sealed class ItemDetailsTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private async Task<string> ItemPageAsync(int number)
    {
        var id = await factory.ItemIdAsync(phaseNumber: 2, itemNumber: number);
        using var client = factory.CreateClient();
        return await client.GetPageAsync($"/items/{id}");
    }

    [Fact]
    public async Task An_item_page_shows_every_field_of_the_item()
    {
        var page = await ItemPageAsync(1);

        Assert.Contains("<h1 class=\"h2\"><span class=\"item-number\">1.</span> studio-settings-form.tsx Cleanup</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<code>webapp/components/features/settings/studio-settings-form.tsx</code>", page, StringComparison.Ordinal);
        Assert.Matches("<span aria-hidden=\"true\">🟡</span>\\s*<strong>Left Untouched</strong>", WebUtility.HtmlDecode(page));
        Assert.Contains("(local edits exist)", page, StringComparison.Ordinal);
        Assert.Contains("<li>Risk of merge conflicts</li>", page, StringComparison.Ordinal);
        Assert.Matches("<li>\\s*Decide: keep, refactor, or discard\\s*</li>", page);
        Assert.Contains("<dd class=\"col-sm-9\">2 h</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-9\">P2 (Medium)</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-9\">Medium</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-9\">[TBD]</dd>", page, StringComparison.Ordinal);
        Assert.Contains("line 15", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tracking_issue_without_an_address_shows_as_text()
    {
        var page = await ItemPageAsync(1);

        Assert.Matches("<dt class=\"col-sm-3\">Tracking issue</dt>\\s*<dd class=\"col-sm-9\">\\s*\\[Create in project management tool\\]\\s*</dd>", page);
    }

    [Fact]
    public async Task Done_and_missing_lists_render_their_inline_markdown()
    {
        var page = await ItemPageAsync(2);

        Assert.Contains("What&#x27;s done", page, StringComparison.Ordinal);
        Assert.Contains("<li>Vapi SDK moved server-side</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Automated bundle size tracking in CI</li>", page, StringComparison.Ordinal);
        Assert.Matches("<li>\\s*Add <code>webpack-bundle-analyzer</code> to CI pipeline\\s*</li>", page);
    }

    [Fact]
    public async Task Plan_sub_steps_are_nested_under_their_step()
    {
        var page = await ItemPageAsync(4);

        Assert.Matches("<li>\\s*Implement critical path tests:\\s*<ul>\\s*<li>Login flow</li>\\s*<li>Settings save/load</li>\\s*<li>Error handling \\(network failure\\)</li>\\s*</ul>\\s*</li>", page);
    }

    [Fact]
    public async Task An_item_page_names_the_roadmap_blocks_and_the_matrix_row_that_refer_to_it()
    {
        var page = await ItemPageAsync(5);

        Assert.Contains("<a href=\"/roadmap?phase=2&amp;week=1#week-1\">Week 1: Critical Infrastructure</a>", page, StringComparison.Ordinal);
        Assert.Contains("Day 1-2: Monitoring Dashboard Implementation", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/matrix?phase=2#matrix-table-heading\">Row “Monitoring Dashboard”</a>", page, StringComparison.Ordinal);
        Assert.Contains("(line 156): P0 · 8h · Critical · 2 · DevOps", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roadmap_block_of_several_items_is_listed_on_each_of_them()
    {
        var first = await ItemPageAsync(1);
        var second = await ItemPageAsync(2);

        Assert.Contains("Day 6: Cleanup &amp; Polish", first, StringComparison.Ordinal);
        Assert.Contains("Day 6: Cleanup &amp; Polish", second, StringComparison.Ordinal);
        Assert.Contains("Week 2: Testing &amp; Refinement", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_item_id_gives_the_friendly_404_page()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/items/987654", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("That page is not here.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_numeric_item_id_gives_404()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/items/abc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_page_carries_no_inline_script_or_style()
    {
        var page = await ItemPageAsync(4);

        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", page);
        Assert.DoesNotMatch("\\sstyle\\s*=", page);
    }
}
