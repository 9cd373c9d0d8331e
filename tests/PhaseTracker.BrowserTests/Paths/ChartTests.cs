using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;

using static Microsoft.Playwright.Assertions;

namespace PhaseTracker.BrowserTests.Paths;

/// <summary>The charts are SVG drawn on the server; the browser shows them with a tooltip on every mark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_priority_matrix_chart_renders_a_mark_with_a_tooltip_for_every_item()
    {
        await using var session = await browser.NewSessionAsync(output);
        var matrix = await MatrixPage.OpenAsync(session.Page);

        await AssertChartRendersAsync(matrix);
        await Expect(matrix.ChartTitle).ToContainTextAsync("matrix", new() { IgnoreCase = true });
        var path = await session.ScreenshotAsync(matrix.Chart, "matrix-chart");
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is nearly empty.");
    }

    [Fact]
    public async Task The_roadmap_timeline_renders_a_bar_with_a_tooltip_for_every_day_block()
    {
        await using var session = await browser.NewSessionAsync(output);
        var roadmap = await RoadmapPage.OpenAsync(session.Page);

        await AssertChartRendersAsync(roadmap);
        await Expect(roadmap.ChartTitle).ToContainTextAsync("Roadmap timeline");
        var path = await session.ScreenshotAsync(roadmap.Chart, "roadmap-chart");
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is nearly empty.");
    }

    private static async Task AssertChartRendersAsync(ChartPage page)
    {
        await Expect(page.Chart).ToBeVisibleAsync();
        await Expect(page.Chart).ToHaveAttributeAsync("role", "img");

        // Laid out by the browser: a real size, and marks that take up room.
        var box = await page.Chart.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 200 && box.Height > 100, $"The chart is {box.Width}×{box.Height}.");

        var marks = await page.Marks.CountAsync();
        Assert.True(marks > 0, "The chart has no marks.");
        await Expect(page.MarkTitles).ToHaveCountAsync(marks);
        Assert.All(await page.MarkTitles.AllTextContentsAsync(), title => Assert.False(string.IsNullOrWhiteSpace(title)));
        var firstMark = await page.Marks.First.BoundingBoxAsync();
        Assert.NotNull(firstMark);
        Assert.True(firstMark.Width > 0 && firstMark.Height > 0, "The first mark has no size.");
    }
}
