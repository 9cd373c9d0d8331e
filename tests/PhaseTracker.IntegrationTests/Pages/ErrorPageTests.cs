using System.Net;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Pages;

public sealed class ErrorPageTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Theory]
    [InlineData("/nope")]
    [InlineData("/adrs/999")]
    [InlineData("/items/999999")]
    [InlineData("/document?phase=999")]
    [InlineData("/error/404")]
    public async Task An_unknown_address_gives_the_friendly_404_page(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Not found - PhaseTracker</title>", page, StringComparison.Ordinal);
        Assert.Contains("That page is not here.", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/adrs\">All decision records</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_404_page_names_the_address_as_text()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/nope/%3Cscript%3E", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Nothing is at <code>/nope/&lt;script&gt;</code>.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_a_failing_page_shows_the_friendly_error_with_a_request_id_and_no_stack_trace()
    {
        using var production = new ProductionFactory();
        using var client = production.CreateClient();
        await client.GetPageAsync("/adrs");

        // Break the database under the running app: the next read of decision records fails.
        await using (var scope = production.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE DecisionRecords RENAME TO DecisionRecordsGone");
            await db.BumpDataVersionAsync(CancellationToken.None);
        }

        using var response = await client.GetAsync(new Uri("/adrs", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong.", page, StringComparison.Ordinal);
        Assert.Matches("<strong>Request id:</strong> <code>[^<]+</code>", page);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.DoesNotContain("DecisionRecords", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" at PhaseTracker", page, StringComparison.Ordinal);
    }

    /// <summary>The app as it runs for users: the Production environment, with its error handler.</summary>
    private sealed class ProductionFactory : WebApplicationFactory<Program>
    {
        private readonly TempDirectory _directory = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseEnvironment("Production")
                .UseSetting(DatabaseSettings.ConnectionStringKey, DatabaseSettings.ForSqliteFile(_directory.File("phasetracker.db")));

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                SqliteConnection.ClearAllPools();
                _directory.Dispose();
            }
        }
    }
}
