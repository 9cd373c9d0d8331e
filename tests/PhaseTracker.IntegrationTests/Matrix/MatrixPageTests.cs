using System.Net;
using System.Text.RegularExpressions;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Matrix;

/// <summary>The priority matrix of the seed document: its table, totals and chart.</summary>
public sealed class MatrixPageTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task The_table_shows_the_seed_rows_and_cells_as_written()
    {
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix");

        Assert.Matches("<th scope=\"col\">Item</th>\\s*<th scope=\"col\">Priority</th>\\s*<th scope=\"col\">Effort</th>\\s*<th scope=\"col\">Impact</th>\\s*<th scope=\"col\">Phase</th>\\s*<th scope=\"col\">Owner</th>", page);
        var e2eId = await factory.IdOfItemAsync(phaseNumber: 2, itemNumber: 4);
        Assert.Matches($"<td><a href=\"/items/{e2eId}\">E2E Tests</a></td>\\s*<td>P1</td>\\s*<td>8h</td>\\s*<td>High</td>\\s*<td>2</td>\\s*<td>Frontend</td>", page);
        Assert.Matches("<a href=\"/items/\\d+\">studio-settings-form</a></td>\\s*<td>P2</td>\\s*<td>2h</td>\\s*<td>Medium</td>\\s*<td>2</td>\\s*<td>Frontend</td>", page);
        Assert.Equal(5, Regex.Count(page, "<td><a href=\"/items/\\d+\">"));
        Assert.Contains("Rows 1–5 of 5", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_totals_are_summed_from_the_items()
    {
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix");

        Assert.Contains("<span data-total-hours>25 h</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span data-developer-days>3.1</span> developer-days of 8 h", page, StringComparison.Ordinal);
        Assert.Contains("over 5 items", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chart_has_one_mark_per_item_with_a_title_a_screen_reader_can_read()
    {
        using var client = factory.CreateClient();

        var chart = ChartPages.Chart(await client.ReadPageAsync("/matrix"), "chart-matrix");

        var marks = chart.With("data-mark", "item");
        Assert.Equal(5, marks.Count);
        Assert.Equal(
            ["Bundle Analysis CI: P2, 3 h, Medium impact", "E2E Tests: P1, 8 h, High impact", "Load Testing: P1, 4 h, High impact",
             "Monitoring Dashboard: P0, 8 h, Critical impact", "studio-settings-form: P2, 2 h, Medium impact"],
            marks.Select(m => m.TitleText()).Order(StringComparer.Ordinal));
        Assert.Equal("img", chart.Attribute("role")?.Value);
        Assert.Equal("matrix-chart-title matrix-chart-desc", chart.Attribute("aria-labelledby")?.Value);
        Assert.Contains("5 items", chart.Elements().First(e => e.Name.LocalName == "title").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chart_names_the_four_quadrants_and_has_a_legend()
    {
        using var client = factory.CreateClient();

        var chart = ChartPages.Chart(await client.ReadPageAsync("/matrix"), "chart-matrix");

        var text = string.Join(" ", chart.Descendants().Where(e => e.Name.LocalName is "text" or "tspan").Select(e => e.Value));
        Assert.All(["Quick wins", "Big bets", "Fill-ins", "Money pits"], name => Assert.Contains(name, text, StringComparison.Ordinal));
        Assert.All(["Critical", "High", "Medium", "Low", "Effort in hours"], axis => Assert.Contains(axis, text, StringComparison.Ordinal));
        Assert.Contains("P0 (1)", text, StringComparison.Ordinal);
        Assert.Contains("P1 (2)", text, StringComparison.Ordinal);
        Assert.Contains("P2 (2)", text, StringComparison.Ordinal);
        Assert.Single(chart.With("class", "chart-legend"));
    }

    [Fact]
    public async Task The_chart_carries_no_style_attribute_and_no_script()
    {
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix");
        var chart = ChartPages.Chart(page, "chart-matrix");

        Assert.Empty(chart.With("style"));
        Assert.DoesNotContain(chart.Descendants(), e => e.Name.LocalName is "script" or "style" or "foreignObject");
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", page);
    }

    [Fact]
    public async Task The_phase_can_be_named_and_an_unknown_phase_is_not_found()
    {
        using var client = factory.CreateClient();

        var named = await client.ReadPageAsync("/matrix?phase=2");
        using var unknown = await client.GetAsync(new Uri("/matrix?phase=99", UriKind.Relative));

        Assert.Contains("E2E Tests", named, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_page_past_the_last_shows_the_last()
    {
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix?page=7");

        Assert.Contains("Rows 1–5 of 5", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pages of the priority matrix", page, StringComparison.Ordinal);
    }
}
