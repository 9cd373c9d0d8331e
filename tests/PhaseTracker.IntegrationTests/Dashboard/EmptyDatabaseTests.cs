using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;

namespace PhaseTracker.IntegrationTests.Dashboard;

/// <summary>A database with the schema and no phase: what a new user sees before importing anything.</summary>
public sealed class EmptyDatabaseTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.DeleteAllPhasesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_dashboard_of_an_empty_database_tells_a_new_user_to_import_a_document()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/");

        Assert.Contains("No tracking document yet", page, StringComparison.Ordinal);
        Assert.Contains("<code>dotnet run --project src/PhaseTracker.Web -- import FILE</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Phase 2 Tracking", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_items_list_of_an_empty_database_tells_a_new_user_to_import_a_document()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/items");

        Assert.Contains("No items yet", page, StringComparison.Ordinal);
        Assert.Contains("<code>dotnet run --project src/PhaseTracker.Web -- import FILE</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
    }
}
