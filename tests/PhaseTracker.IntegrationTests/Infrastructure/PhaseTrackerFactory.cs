using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Infrastructure;

/// <summary>The web app on a fresh SQLite file of its own (one per test class), migrated for real on start.</summary>
public sealed class PhaseTrackerFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();

    public string DatabasePath => _directory.File("phasetracker.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(DatabaseSettings.ConnectionStringKey, DatabaseSettings.ForSqliteFile(DatabasePath));

        // Every test request comes from the same address: tests that sign in often must not meet the
        // sign-in rate limit, which has its own test (Account/SignInRateLimitTests).
        builder.UseSetting("Auth:SignInPermitLimit", "10000");

        // Tests change the database behind the app's back (a second host, a file made unreadable) and
        // expect the next request to see it; the quarter-second version check interval has its own
        // tests (Pages/DataVersionIntervalTests).
        builder.UseSetting(DataVersionMonitor.IntervalKey, "0");
    }

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
