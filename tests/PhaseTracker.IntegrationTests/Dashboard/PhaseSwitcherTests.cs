using System.Net;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;

namespace PhaseTracker.IntegrationTests.Dashboard;

/// <summary>Two phases: the seed's phase 2, then an imported phase 3, which becomes the current one.</summary>
public sealed class PhaseSwitcherTests : IClassFixture<PhaseSwitcherTests.TwoPhases>
{
    private readonly PhaseTrackerFactory _factory;

    public PhaseSwitcherTests(TwoPhases phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        _factory = phases.Factory;
    }

    public sealed class TwoPhases : IAsyncLifetime
    {
        public PhaseTrackerFactory Factory { get; } = new();

        public async Task InitializeAsync() => await Factory.ImportAsync(PageTestDocuments.Generated(12, phase: 3));

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_dashboard_shows_the_phase_imported_last()
    {
        using var client = _factory.CreateClient();

        var page = WebUtility.HtmlDecode(await client.GetPageAsync("/"));

        Assert.Contains("<h1 class=\"h2\">📋 Phase 3 Tracking — Deferred Items</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_phase_switcher_offers_every_phase_and_marks_the_current_one()
    {
        using var client = _factory.CreateClient();

        var switcher = PageTestDocuments.Section(await client.GetPageAsync("/"), "<form method=\"get\" action=\"/\" class=\"phase-switcher\">", "</form>");

        Assert.Contains("<label for=\"phase-switcher\"", switcher, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2\">Phase 2</option>", switcher, StringComparison.Ordinal);
        Assert.Contains("<option value=\"3\" selected=\"selected\">Phase 3 (current)</option>", switcher, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\"", switcher, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_to_phase_2_shows_the_seed_phase_with_its_own_totals()
    {
        using var client = _factory.CreateClient();

        var page = WebUtility.HtmlDecode(await client.GetPageAsync("/?phase=2"));

        Assert.Contains("<h1 class=\"h2\">📋 Phase 2 Tracking — Deferred Items</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<span data-total-hours>25 h</span>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2\" selected=\"selected\">Phase 2</option>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/items?phase=2&status=open&sort=priority\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_ten_warnings_the_rest_fold_away_under_a_summary()
    {
        using var client = _factory.CreateClient();

        // Each of the 12 matrix rows of the phase 3 document still says phase 2.
        var warnings = PageTestDocuments.Section(await client.GetPageAsync("/"), "id=\"warnings-heading\"", "</section>");

        Assert.Equal(12, System.Text.RegularExpressions.Regex.Count(warnings, "says phase 2, but the document is phase 3"));
        Assert.Contains("<summary>2 more warnings</summary>", warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_items_list_shows_the_current_phase_unless_asked_for_all_phases()
    {
        using var client = _factory.CreateClient();

        var current = await client.GetPageAsync("/items");
        var all = await client.GetPageAsync("/items?phase=all");
        var seedPhase = await client.GetPageAsync("/items?phase=2");

        Assert.Contains("<strong>12 items</strong>", current, StringComparison.Ordinal);
        Assert.Contains("<strong>17 items</strong>", all, StringComparison.Ordinal);
        Assert.Contains("<strong>5 items</strong>", seedPhase, StringComparison.Ordinal);
        Assert.Equal(Seed.ItemTitles.Order(StringComparer.Ordinal), PageTestDocuments.ItemRows(seedPhase).Select(r => r.Title).Order(StringComparer.Ordinal));
    }
}
