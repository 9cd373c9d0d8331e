using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Matrix;

/// <summary>Past 300 items the chart counts items per cell of impact and effort instead of drawing each.</summary>
public sealed class MatrixCountsTests : IClassFixture<MatrixCountsTests.LargePhase>
{
    private const int Items = 420;
    private readonly PhaseTrackerFactory _factory;

    public MatrixCountsTests(LargePhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        _factory = phase.Factory;
    }

    public sealed class LargePhase : IAsyncLifetime
    {
        public PhaseTrackerFactory Factory { get; } = new();

        public async Task InitializeAsync() => await Factory.ImportDocumentAsync(ChartPages.Generated(Items));

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Over_300_items_the_chart_counts_per_cell_and_the_counts_add_up_to_the_items()
    {
        using var client = _factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix");
        var chart = ChartPages.Chart(page, "chart-matrix");

        Assert.Empty(chart.With("data-mark"));
        var cells = chart.With("data-count");
        Assert.Equal(Items, cells.Sum(c => int.Parse(c.Attribute("data-count")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(cells.Where(c => c.Attribute("data-count")!.Value != "0"), c => Assert.Matches("^\\w+ impact, .+: \\d+ items? \\(P\\d: \\d+", c.TitleText()));
        Assert.Contains($"With {Items} items, the chart counts the items in each cell", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counted_chart_names_the_quadrants_and_stays_light()
    {
        using var client = _factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix");
        var chart = ChartPages.Chart(page, "chart-matrix");

        var text = string.Join(" ", chart.Descendants().Where(e => e.Name.LocalName is "text" or "tspan").Select(e => e.Value));
        Assert.All(["Quick wins", "Big bets", "Fill-ins", "Money pits", "Items per cell"], name => Assert.Contains(name, text, StringComparison.Ordinal));
        Assert.True(chart.ToString().Length < 40_000, $"the chart is {chart.ToString().Length} characters");
    }
}
