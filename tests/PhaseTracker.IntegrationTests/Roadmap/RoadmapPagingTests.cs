using System.Text.RegularExpressions;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Matrix;
using PhaseTracker.Web.Features.Roadmap;

namespace PhaseTracker.IntegrationTests.Roadmap;

/// <summary>A long roadmap (a generated document of 300 items) comes ten weeks to a page, the timeline with them.</summary>
public sealed partial class RoadmapPagingTests : IClassFixture<RoadmapPagingTests.LongRoadmap>
{
    private readonly LongRoadmap _roadmap;

    public RoadmapPagingTests(LongRoadmap roadmap) => _roadmap = roadmap;

    public sealed partial class LongRoadmap : IAsyncLifetime
    {
        public PhaseTrackerFactory Factory { get; } = new();

        public string Document { get; } = ChartPages.Generated(300);

        public int Weeks => WeekHeading().Count(Document);

        public int Blocks => DayLine().Count(Document);

        public async Task InitializeAsync() => await Factory.ImportDocumentAsync(Document);

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        [GeneratedRegex("^### Week \\d+:", RegexOptions.Multiline)]
        private static partial Regex WeekHeading();

        [GeneratedRegex("^Day \\d+(-\\d+)?: ", RegexOptions.Multiline)]
        private static partial Regex DayLine();
    }

    [Fact]
    public async Task The_first_page_shows_ten_weeks_and_their_bars_and_links_to_the_rest()
    {
        Assert.True(_roadmap.Weeks > 2 * RoadmapQuery.WeeksPerPage, $"the document has only {_roadmap.Weeks} weeks");
        using var client = _roadmap.Factory.CreateClient();

        var page = await client.ReadPageAsync("/roadmap");
        var chart = ChartPages.Chart(page, "chart-roadmap");

        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"week-{n}"), WeekAnchor().Matches(page).Select(m => m.Groups["id"].Value));
        Assert.Equal(10, chart.With("data-week").Count);
        Assert.Equal(BlockAnchor().Count(page), chart.With("data-block").Count);
        Assert.Contains($"Weeks 1–10 of the roadmap's {_roadmap.Weeks} weeks", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/roadmap?page=2\" rel=\"next\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Across_all_pages_there_is_one_bar_per_block_of_the_document()
    {
        using var client = _roadmap.Factory.CreateClient();
        var pages = (_roadmap.Weeks + RoadmapQuery.WeeksPerPage - 1) / RoadmapQuery.WeeksPerPage;

        var bars = 0;
        for (var number = 1; number <= pages; number++)
        {
            bars += ChartPages.Chart(await client.ReadPageAsync($"/roadmap?page={number}"), "chart-roadmap").With("data-block").Count;
        }

        Assert.Equal(_roadmap.Blocks, bars);
    }

    [Fact]
    public async Task A_week_number_in_the_query_opens_the_page_that_holds_it()
    {
        using var client = _roadmap.Factory.CreateClient();

        var page = await client.ReadPageAsync("/roadmap?week=23#week-23");

        Assert.Contains("<h2 id=\"week-23\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">3</a>", page, StringComparison.Ordinal);
        Assert.Equal("week-21", WeekAnchor().Match(page).Groups["id"].Value);
    }

    [GeneratedRegex("<h2 id=\"(?<id>week-\\d+)\"")]
    private static partial Regex WeekAnchor();

    [GeneratedRegex("<article id=\"week-\\d+-block-\\d+\"")]
    private static partial Regex BlockAnchor();
}
