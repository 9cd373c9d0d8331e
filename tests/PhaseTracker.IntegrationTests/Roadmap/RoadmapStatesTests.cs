using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Matrix;

namespace PhaseTracker.IntegrationTests.Roadmap;

/// <summary>Blocks without a day, a phase without a roadmap, an empty database, and markup in a block's title.</summary>
public sealed class RoadmapStatesTests
{
    /// <summary>The seed with a block that has no day yet in week 2.</summary>
    public static string WithUnscheduledBlock => Seed.RepairedText.Replace(
        "  └─→ Documentation updates\n```",
        "  └─→ Documentation updates\n\nUnscheduled: Accessibility review of studio-settings-form\n  └─→ Audit the settings form\n```",
        StringComparison.Ordinal);

    [Fact]
    public async Task A_block_without_a_day_is_in_the_no_day_yet_lane_and_marked_in_the_list()
    {
        Assert.Contains("Unscheduled: Accessibility review", WithUnscheduledBlock, StringComparison.Ordinal);
        using var factory = new PhaseTrackerFactory();
        await factory.ImportDocumentAsync(WithUnscheduledBlock);
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/roadmap");
        var chart = ChartPages.Chart(page, "chart-roadmap");

        Assert.Equal(4, chart.With("data-block", "scheduled").Count);
        var unscheduled = Assert.Single(chart.With("data-block", "unscheduled"));
        Assert.Null(unscheduled.Attribute("data-days"));
        Assert.StartsWith("no day yet: Accessibility review of studio-settings-form (Week 2: Testing & Refinement)", unscheduled.TitleText(), StringComparison.Ordinal);
        Assert.Contains("No day yet", chart.Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value));
        Assert.Matches("<span class=\"badge text-bg-warning\">no day yet</span>\\s*Accessibility review of studio-settings-form", page);
        Assert.Contains("<li>Audit the settings form</li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phase_without_a_roadmap_says_how_to_plan_one()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.ImportDocumentAsync(ChartPages.EmptyPhase);
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/roadmap");

        Assert.Contains("Phase 3 Tracking", page, StringComparison.Ordinal);
        Assert.Contains("This phase has no roadmap yet", page, StringComparison.Ordinal);
        Assert.Contains("<code>### Week 1: Theme</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/roadmap?phase=2\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_database_shows_how_to_import_a_document()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.RemoveAllPhasesAsync();
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/roadmap");

        Assert.Contains("No roadmap yet", page, StringComparison.Ordinal);
        Assert.Contains("-- import FILE", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_a_block_title_is_text_in_the_list_and_in_the_timeline()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.ImportDocumentAsync(MatrixHostileTextTests.Document);
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/roadmap");
        var chart = ChartPages.Chart(page, "chart-roadmap");

        Assert.DoesNotContain("<script>x", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", page);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt; &amp;", page, StringComparison.Ordinal);
        var bar = Assert.Single(chart.With("data-days", "4-5"));
        Assert.StartsWith($"Day 4–5: {MatrixHostileTextTests.Markup} Frontend E2E Tests", bar.TitleText(), StringComparison.Ordinal);
        Assert.DoesNotContain(chart.Descendants(), e => e.Name.LocalName == "script");
    }
}
