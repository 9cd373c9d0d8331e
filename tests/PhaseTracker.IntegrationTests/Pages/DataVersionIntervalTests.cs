using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Pages;

/// <summary>
/// Pages check the database's data version at most once per interval (<c>Cache:DataVersionCheckMilliseconds</c>):
/// a cached page then costs no query, a change made through this instance shows at once, and a change
/// made elsewhere (another instance, a script on the file) shows once the interval has passed.
/// </summary>
public sealed class DataVersionIntervalTests : IDisposable
{
    private readonly PhaseTrackerFactory _factory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly SqlCommandCounter _counter = new();
    private readonly WebApplicationFactory<Program> _app;

    public DataVersionIntervalTests()
    {
        _app = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting(DataVersionMonitor.IntervalKey, "250");
            builder.ConfigureTestServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
                services.ConfigureDbContext<PhaseTrackerDbContext>(options => options.AddInterceptors(_counter));
            });
        });
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_cached_page_read_again_within_the_interval_costs_no_sql_command()
    {
        using var client = _app.CreateClient();
        await client.GetPageAsync("/items");

        var again = await _counter.RecordAsync(() => client.GetPageAsync("/items"));

        Assert.Empty(again);
    }

    [Fact]
    public async Task An_import_through_this_instance_shows_at_the_next_request_within_the_interval()
    {
        using var client = _app.CreateClient();
        Assert.Contains("Load Testing Suite", await client.GetPageAsync("/items"), StringComparison.Ordinal);

        await _app.ImportAsync(Seed.RepairedText.Replace("Load Testing Suite", "Soak Testing Suite", StringComparison.Ordinal));

        var after = await client.GetPageAsync("/items");
        Assert.Contains("Soak Testing Suite", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Load Testing Suite", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_made_elsewhere_shows_once_the_interval_has_passed_and_not_before()
    {
        using var client = _app.CreateClient();
        await client.GetPageAsync("/items");

        // Another process on the same file: it renames an item and bumps the version, as an import would.
        await using (var connection = new SqliteConnection(DatabaseSettings.ForSqliteFile(_factory.DatabasePath, pooling: false)))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE DeferredItems SET Title = 'Soak Testing Suite' WHERE Title = 'Load Testing Suite';
                UPDATE DataStamps SET Version = Version + 1;
                """;
            await command.ExecuteNonQueryAsync();
        }

        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Contains("Load Testing Suite", await client.GetPageAsync("/items"), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Contains("Soak Testing Suite", await client.GetPageAsync("/items"), StringComparison.Ordinal);
    }
}
