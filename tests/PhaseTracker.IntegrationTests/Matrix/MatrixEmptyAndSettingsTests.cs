using Microsoft.AspNetCore.Hosting;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Matrix;

/// <summary>The matrix page on an empty database, on a phase with nothing in it, and with another working day.</summary>
public sealed class MatrixEmptyAndSettingsTests
{
    [Fact]
    public async Task An_empty_database_shows_how_to_import_a_document()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.RemoveAllPhasesAsync();
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix");

        Assert.Contains("No priority matrix yet", page, StringComparison.Ordinal);
        Assert.Contains("-- import FILE", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phase_without_items_says_so_instead_of_an_empty_chart()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.ImportDocumentAsync(ChartPages.EmptyPhase);
        using var client = factory.CreateClient();

        var page = await client.ReadPageAsync("/matrix");

        Assert.Contains("Phase 3 Tracking", page, StringComparison.Ordinal);
        Assert.Contains("This phase has no deferred items to chart.", page, StringComparison.Ordinal);
        Assert.Contains("priority matrix has no rows", page, StringComparison.Ordinal);
        Assert.Contains("<span data-total-hours>0 h</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_phases_give_a_phase_switcher_and_the_seed_phase_stays_reachable()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.ImportDocumentAsync(ChartPages.EmptyPhase);
        using var client = factory.CreateClient();

        var current = await client.ReadPageAsync("/matrix");
        var seed = await client.ReadPageAsync("/matrix?phase=2");

        Assert.Contains("<nav aria-label=\"Phases\"", current, StringComparison.Ordinal);
        Assert.Contains("href=\"/matrix?phase=2\"", current, StringComparison.Ordinal);
        Assert.Contains("E2E Tests", seed, StringComparison.Ordinal);
        Assert.Equal(5, ChartPages.Chart(seed, "chart-matrix").With("data-mark", "item").Count);
    }

    [Fact]
    public async Task Developer_days_follow_the_configured_hours_per_day()
    {
        using var factory = new PhaseTrackerFactory();
        using var fiveHourDays = factory.WithWebHostBuilder(builder => builder.UseSetting("Workspace:HoursPerDay", "5"));
        using var client = fiveHourDays.CreateClient();

        var page = await client.ReadPageAsync("/matrix");

        Assert.Contains("<span data-total-hours>25 h</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span data-developer-days>5</span> developer-days of 5 h", page, StringComparison.Ordinal);
    }
}
