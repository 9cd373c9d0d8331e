using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Matrix;

/// <summary>Markup in an item's title and in a matrix label is text in the table and in the chart alike.</summary>
public sealed class MatrixHostileTextTests : IClassFixture<MatrixHostileTextTests.HostilePhase>
{
    public const string Markup = "<script>x</script> & \"quotes\"";

    private readonly PhaseTrackerFactory _factory;

    public MatrixHostileTextTests(HostilePhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        _factory = phase.Factory;
    }

    public sealed class HostilePhase : IAsyncLifetime
    {
        public PhaseTrackerFactory Factory { get; } = new();

        public async Task InitializeAsync() => await Factory.ImportDocumentAsync(Document);

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>The seed with markup in item 4's title, in its matrix label and in its roadmap block.</summary>
    public static string Document => Seed.RepairedText
        .Replace("### 4. Frontend Integration Tests", $"### 4. {Markup} Frontend Integration Tests", StringComparison.Ordinal)
        .Replace("| E2E Tests |", $"| {Markup} E2E Tests |", StringComparison.Ordinal)
        .Replace("Day 4-5: Frontend E2E Tests", $"Day 4-5: {Markup} Frontend E2E Tests", StringComparison.Ordinal);

    [Fact]
    public void The_document_carries_the_markup_where_the_tests_look_for_it()
    {
        Assert.Equal(3, Document.Split(Markup).Length - 1);
    }

    [Fact]
    public async Task The_page_shows_the_markup_as_text_and_runs_nothing()
    {
        using var client = _factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix");

        Assert.DoesNotContain("<script>x", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", page);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt; &amp;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chart_escapes_labels_and_titles()
    {
        using var client = _factory.CreateClient();

        var chart = ChartPages.Chart(await client.ReadPageAsync("/matrix"), "chart-matrix");

        var mark = Assert.Single(chart.With("data-mark", "item"), m => m.TitleText()!.Contains("<script>", StringComparison.Ordinal));
        Assert.Equal($"{Markup} E2E Tests: P1, 8 h, High impact", mark.TitleText());
        Assert.DoesNotContain(chart.Descendants(), e => e.Name.LocalName == "script");
    }
}
