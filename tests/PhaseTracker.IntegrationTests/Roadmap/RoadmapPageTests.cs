using System.Net;
using System.Text.RegularExpressions;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Matrix;

namespace PhaseTracker.IntegrationTests.Roadmap;

/// <summary>The roadmap of the seed document: weeks, day blocks with their tasks and items, and the timeline.</summary>
public sealed class RoadmapPageTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task Weeks_show_their_themes_and_day_blocks_their_days_titles_and_tasks()
    {
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/roadmap");

        Assert.Contains("<h2 id=\"week-1\" class=\"h4\">Week 1: Critical Infrastructure</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"week-2\" class=\"h4\">Week 2: Testing &amp; Refinement</h2>", page, StringComparison.Ordinal);
        Assert.Matches("<span class=\"badge text-bg-secondary\" data-days>Day 1–2</span>\\s*Monitoring Dashboard Implementation", page);
        Assert.Matches("<span class=\"badge text-bg-secondary\" data-days>Day 3</span>\\s*Load Testing Suite", page);
        Assert.Matches("<span class=\"badge text-bg-secondary\" data-days>Day 6</span>\\s*Cleanup &amp; Polish", page);
        Assert.Contains("<li>Set up metrics collection</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Implement Locust script</li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_block_links_to_the_items_it_works_on()
    {
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/roadmap");

        var cleanup = Section(page, "id=\"week-2-block-2\"");
        Assert.Contains($"<a href=\"/items/{await factory.IdOfItemAsync(2, 1)}\">#1 studio-settings-form.tsx Cleanup</a>", cleanup, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/items/{await factory.IdOfItemAsync(2, 2)}\">#2 Complete Bundle Analysis</a>", cleanup, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/items/{await factory.IdOfItemAsync(2, 5)}\">#5 Monitoring Dashboard Implementation</a>", Section(page, "id=\"week-1-block-1\""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_has_one_bar_per_block_with_its_days()
    {
        using var client = factory.CreateClient();

        var chart = ChartPages.Chart(await client.ReadPageAsync("/roadmap"), "chart-roadmap");

        var bars = chart.With("data-block");
        Assert.Equal(4, bars.Count);
        Assert.Equal(["1-2", "3", "4-5", "6"], bars.Select(b => b.Attribute("data-days")!.Value));
        Assert.StartsWith("Day 1–2: Monitoring Dashboard Implementation (Week 1: Critical Infrastructure). 4 tasks; items: #5", bars[0].TitleText(), StringComparison.Ordinal);
        Assert.Equal("img", chart.Attribute("role")?.Value);
        Assert.Equal("roadmap-chart-title roadmap-chart-desc", chart.Attribute("aria-labelledby")?.Value);
        Assert.Contains("4 blocks in 2 weeks; every block has a day", chart.Elements().Single(e => e.Name.LocalName == "desc").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_groups_bars_by_week_with_the_theme_and_runs_days_across()
    {
        using var client = factory.CreateClient();

        var chart = ChartPages.Chart(await client.ReadPageAsync("/roadmap"), "chart-roadmap");

        var weeks = chart.With("data-week");
        Assert.Equal(["Week 1Critical Infrastructure", "Week 2Testing & Refinement"], weeks.Select(w => w.Value));
        var texts = chart.Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value).ToList();
        Assert.Contains("Day →", texts);
        Assert.All(["1", "2", "3", "4", "5", "6"], day => Assert.Contains(day, texts));
        Assert.Empty(chart.With("style"));
    }

    [Fact]
    public async Task An_unknown_phase_is_not_found()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/roadmap?phase=42", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Section(string page, string marker)
    {
        var start = page.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no {marker}");
        var end = page.IndexOf("</article>", start, StringComparison.Ordinal);
        return Regex.Replace(page[start..end], "\\s+", " ");
    }
}
