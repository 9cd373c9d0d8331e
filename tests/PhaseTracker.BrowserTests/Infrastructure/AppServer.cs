using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Users;

namespace PhaseTracker.BrowserTests.Infrastructure;

/// <summary>
/// The web app on a real Kestrel port (a browser cannot reach the in-memory test server) with a fresh
/// SQLite file of its own, migrated for real on start; the seed document shows as phase 2.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"phasetracker-browser-{Guid.NewGuid():N}");

    public AppServer() => Directory.CreateDirectory(_directory);

    public string DatabasePath => Path.Combine(_directory, "phasetracker.db");

    /// <summary>Where the app listens, such as http://127.0.0.1:41234/ (starts the server on first use).</summary>
    public Uri RootUri
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
            var address = addresses?.Addresses.LastOrDefault()
                ?? throw new InvalidOperationException("The app started without an address to listen on.");
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Port 0: the system picks a free port, so that test runs on one machine never collide. In .NET 10
        // this belongs here, on the factory, not on a WithWebHostBuilder copy.
        UseKestrel(0);

        // What a user gets: the friendly error pages, not the developer exception page.
        builder.UseEnvironment("Production");
        builder.UseSetting(DatabaseSettings.ConnectionStringKey, DatabaseSettings.ForSqliteFile(DatabasePath));

        // Every test signs in from the same address: the sign-in rate limit has its own integration test.
        builder.UseSetting("Auth:SignInPermitLimit", "10000");

        // The outage test takes the database away behind the app's back and expects the next request to see it.
        builder.UseSetting(DataVersionMonitor.IntervalKey, "0");
    }

    /// <summary>Adds a user with a role (Viewer, Lead, Admin) straight through the app's services.</summary>
    public async Task<TestUser> CreateUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await using var scope = Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .AddAsync(email, role, TestUser.DefaultPassword, CancellationToken.None);
        Assert.True(outcome.Error is null, outcome.Error);
        return new TestUser(email, TestUser.DefaultPassword, role);
    }

    /// <summary>
    /// A real database outage until disposed: the SQLite file (and its WAL files) moves aside and a folder
    /// takes its name, so every new connection fails to open it. Then the file comes back.
    /// </summary>
    public IDisposable TakeDatabaseAway()
    {
        // Pooled connections keep the old file open; a restarted or newly connecting app would not have them.
        SqliteConnection.ClearAllPools();
        var moved = new List<(string From, string To)>();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            var from = DatabasePath + suffix;
            if (File.Exists(from))
            {
                File.Move(from, from + ".aside");
                moved.Add((from, from + ".aside"));
            }
        }

        Directory.CreateDirectory(DatabasePath);
        return new Outage(DatabasePath, moved);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open elsewhere; the system cleans its temp folder.
            }
        }
    }

    private sealed class Outage(string path, List<(string From, string To)> moved) : IDisposable
    {
        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(path, recursive: true);
            foreach (var (from, to) in moved)
            {
                File.Move(to, from);
            }
        }
    }
}

/// <summary>A user made for a test, with the password to sign in.</summary>
public sealed record TestUser(string Email, string Password, string Role)
{
    /// <summary>Long enough, and on nobody's list of common passwords.</summary>
    public const string DefaultPassword = "amber-lantern-orbit-42";
}
