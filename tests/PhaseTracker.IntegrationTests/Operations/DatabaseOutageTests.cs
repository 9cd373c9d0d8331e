using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;

using Serilog.Core;

namespace PhaseTracker.IntegrationTests.Operations;

/// <summary>
/// A real outage, not a mock: the SQLite file the app uses is moved away and a folder takes its name,
/// so every new connection fails to open it (SQLITE_CANTOPEN). Then the file comes back.
/// </summary>
public sealed class DatabaseOutageTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private const string Header = "X-Request-ID";

    [Fact]
    public async Task While_the_database_is_unavailable_health_pages_api_and_metrics_say_so_and_all_recovers_when_it_is_back()
    {
        var capture = new LogCapture();
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(capture);
            // An API endpoint that reads the database: the app's own /api controllers may come later.
            services.AddControllers().AddApplicationPart(typeof(OutageProbeController).Assembly);
        }));
        using var client = host.CreateClient();

        // Before: everything answers.
        await AssertAvailableAsync(client);
        var errorsBefore = (await PrometheusText.ScrapeAsync(client)).Sum("phasetracker_errors_total", s => s["status_code"] == "503");

        using (BreakDatabase(factory.DatabasePath))
        {
            using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            using (var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()))
            {
                Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
                var database = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
                Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
                Assert.Equal("The database does not answer.", database.GetProperty("description").GetString());
            }

            // The process itself is fine: a load balancer's liveness probe must not restart it.
            using var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);

            // A page: the friendly 503 page with the request id, never a stack trace.
            using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/items");
            pageRequest.Headers.Add(Header, "outage-page-1");
            using var page = await client.SendAsync(pageRequest);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("cannot reach its database", html, StringComparison.Ordinal);
            Assert.Contains("<code>outage-page-1</code>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("SqliteException", html, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
            Assert.Equal("outage-page-1", Assert.Single(page.Headers.GetValues(Header)));
            Assert.NotNull(page.Headers.RetryAfter);

            // The API: ProblemDetails 503 with the request id.
            using var apiRequest = new HttpRequestMessage(HttpMethod.Get, OutageProbeController.Path);
            apiRequest.Headers.Add(Header, "outage-api-1");
            using var api = await client.SendAsync(apiRequest);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            using (var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()))
            {
                Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
                Assert.Equal("outage-api-1", problem.RootElement.GetProperty("requestId").GetString());
            }

            // The errors counter rose, once per failed request.
            var errorsDuring = (await PrometheusText.ScrapeAsync(client)).Sum("phasetracker_errors_total", s => s["status_code"] == "503");
            Assert.True(errorsDuring >= errorsBefore + 2, $"phasetracker_errors_total{{status_code=\"503\"}} went from {errorsBefore} to {errorsDuring}.");

            // The log says what happened, under the request's id (ILogger events as well as the request line).
            Assert.Contains(capture.Events, e => LogCapture.Scalar(e, "SourceContext") == "PhaseTracker.Web.Infrastructure.Observability.DatabaseOutage"
                && LogCapture.Scalar(e, "RequestId") == "outage-page-1");
            Assert.Equal("503", LogCapture.Scalar(await capture.RequestLineAsync("outage-api-1"), "StatusCode"));
        }

        // After: the same host recovers by itself, without a restart.
        await AssertAvailableAsync(client);
    }

    private static async Task AssertAvailableAsync(HttpClient client)
    {
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri("/items", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var api = await client.GetAsync(new Uri(OutageProbeController.Path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    /// <summary>Moves the database file (and its WAL files) aside and puts a folder in its place, until disposed.</summary>
    private static Outage BreakDatabase(string path)
    {
        // Pooled connections keep the old file open; a restarted or newly connecting app would not have them.
        SqliteConnection.ClearAllPools();
        var aside = path + ".aside";
        var moved = new List<(string From, string To)>();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, aside + suffix);
                moved.Add((path + suffix, aside + suffix));
            }
        }

        Directory.CreateDirectory(path);
        return new Outage(path, moved);
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

/// <summary>Reads the database under /api, for the outage test's host only.</summary>
[ApiController]
[AllowAnonymous]
[Route(Path)]
public sealed class OutageProbeController(PhaseTrackerDbContext db) : ControllerBase
{
    public const string Path = "/api/test/outage-probe";

    [HttpGet]
    public async Task<IActionResult> Get() => Ok(new { phases = await db.Phases.CountAsync() });
}
