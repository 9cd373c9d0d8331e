using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Matrix;

/// <summary>A generated phase of 120 items: the table in three pages of at most 50 rows, the chart with every item.</summary>
public sealed partial class MatrixPagingTests : IClassFixture<MatrixPagingTests.LongPhase>
{
    private readonly LongPhase _phase;

    public MatrixPagingTests(LongPhase phase) => _phase = phase;

    public sealed class LongPhase : IAsyncLifetime
    {
        public PhaseTrackerFactory Factory { get; } = new();

        public string Document { get; } = ChartPages.Generated(120);

        public async Task InitializeAsync() => await Factory.ImportDocumentAsync(Document);

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private static IReadOnlyList<string> Labels(string page) =>
        [.. RowLabel().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups["label"].Value))];

    [Fact]
    public async Task The_first_page_shows_50_of_120_rows_in_the_documents_order_and_links_to_the_others()
    {
        using var client = _phase.Factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix");

        Assert.Contains("Rows 1–50 of 120", page, StringComparison.Ordinal);
        Assert.Equal(ChartPages.MatrixRows(_phase.Document).Take(50).Select(r => r[0]), Labels(page));
        Assert.Contains("<nav aria-label=\"Pages of the priority matrix\">", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/matrix?page=2\" rel=\"next\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/matrix?page=3\" aria-label=\"Page 3\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_page_holds_the_last_20_rows_and_links_back()
    {
        using var client = _phase.Factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix?page=3");

        Assert.Contains("Rows 101–120 of 120", page, StringComparison.Ordinal);
        Assert.Equal(ChartPages.MatrixRows(_phase.Document).Skip(100).Select(r => r[0]), Labels(page));
        Assert.Contains("href=\"/matrix?page=2\" rel=\"prev\"", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"page-link\">Next</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_links_keep_a_named_phase()
    {
        using var client = _phase.Factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix?phase=2&page=2");

        Assert.Contains("Rows 51–100 of 120", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/matrix?phase=2&amp;page=3\" rel=\"next\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/matrix?phase=2\" rel=\"prev\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_charts_all_120_items_and_totals_all_of_them()
    {
        using var client = _phase.Factory.CreateClient();
        var hours = Regex.Match(_phase.Document, @"\*\*Total Phase 2 Effort:\*\* (\d+) hours").Groups[1].Value;

        foreach (var url in new[] { "/matrix", "/matrix?page=3" })
        {
            var page = await client.ReadPageAsync(url);
            Assert.Equal(120, ChartPages.Chart(page, "chart-matrix").With("data-mark", "item").Count);
            Assert.Contains($"<span data-total-hours>{hours} h</span>", page, StringComparison.Ordinal);
            Assert.Contains("over 120 items", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Labels_in_the_chart_do_not_overlap()
    {
        using var client = _phase.Factory.CreateClient();

        var chart = ChartPages.Chart(await client.ReadPageAsync("/matrix"), "chart-matrix");

        var boxes = chart.With("data-mark", "item")
            .SelectMany(m => m.Elements().Where(e => e.Name.LocalName == "text"))
            .Select(LabelBox)
            .ToList();
        Assert.True(boxes.Count > 60, $"only {boxes.Count} of 120 marks are labelled");
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Overlaps(boxes[j]), $"the labels \"{boxes[i].Text}\" and \"{boxes[j].Text}\" overlap");
            }
        }
    }

    private static Box LabelBox(System.Xml.Linq.XElement text)
    {
        double Number(string name) => double.Parse(text.AncestorsAndSelf().Select(e => e.Attribute(name)).First(a => a is not null)!.Value, CultureInfo.InvariantCulture);
        var width = PhaseTracker.Web.Features.Charts.ChartText.Width(text.Value, Number("font-size"));
        var x = Number("x");
        var left = text.Attribute("text-anchor")?.Value == "end" ? x - width : x;
        return new Box(text.Value, left, Number("y") - 10, width, 12);
    }

    private sealed record Box(string Text, double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Box other) =>
            X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }

    [GeneratedRegex("<tr>\\s*<td><a href=\"/items/\\d+\">(?<label>[^<]*)</a></td>")]
    private static partial Regex RowLabel();
}
