using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>A page with an SVG chart drawn on the server: the chart, its marks (each with a &lt;title&gt; tooltip).</summary>
public abstract class ChartPage(IPage page, string chartClass, string markClass) : AppLayout(page)
{
    public ILocator Chart => Page.Locator($"svg.{chartClass}");

    /// <summary>The chart's accessible name: its first &lt;title&gt;.</summary>
    public ILocator ChartTitle => Chart.Locator(":scope > title");

    public ILocator Marks => Chart.Locator($"g.{markClass}");

    /// <summary>The tooltip texts of the marks.</summary>
    public ILocator MarkTitles => Marks.Locator(":scope > title");
}

/// <summary>/matrix: impact against effort, one mark per item, and the matrix table.</summary>
public sealed class MatrixPage(IPage page) : ChartPage(page, "chart-matrix", "chart-mark")
{
    public const string Path = "/matrix";

    public static async Task<MatrixPage> OpenAsync(IPage page)
    {
        await GotoAsync(page, Path);
        return new MatrixPage(page);
    }
}

/// <summary>/roadmap: the timeline, one bar per day block, then the weeks.</summary>
public sealed class RoadmapPage(IPage page) : ChartPage(page, "chart-roadmap", "chart-bar")
{
    public const string Path = "/roadmap";

    public static async Task<RoadmapPage> OpenAsync(IPage page)
    {
        await GotoAsync(page, Path);
        return new RoadmapPage(page);
    }
}
