using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.Import;
using PhaseTracker.Web.Infrastructure.Observability;

namespace PhaseTracker.IntegrationTests.Operations;

public sealed class MetricsTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task Metrics_show_request_duration_by_route_and_status_in_prometheus_format()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/items", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/adrs/4", UriKind.Relative))).Dispose();

        await PrometheusText.ScrapeUntilAsync(client, samples => samples.Any(s => s["http_route"]?.StartsWith("adrs/{", StringComparison.Ordinal) == true));
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var samples = PrometheusText.Parse(text);

        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains(samples, s => s.Name == "http_server_request_duration_seconds_bucket"
            && s["http_route"] == "items" && s["http_response_status_code"] == "200" && s["le"] == "+Inf" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "http_server_request_duration_seconds_count"
            && s["http_route"]?.StartsWith("adrs/{", StringComparison.Ordinal) == true);

        // Runtime instrumentation.
        Assert.Contains(samples, s => s.Name.StartsWith("dotnet_gc_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Imports_applied_and_rejected_and_exports_are_counted_and_dry_runs_are_not()
    {
        // Exactly this host's measurements (other test classes' hosts run alongside, with meters of the same name).
        using var recorded = new HostMeasurements(factory.Services.GetRequiredService<IMeterFactory>());

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportService>();
            Assert.True((await import.ImportAsync(Seed.Bytes, dryRun: false)).Accepted);
            Assert.True((await import.ImportAsync(Seed.Bytes, dryRun: true)).Accepted);
            Assert.False((await import.ImportAsync(Encoding.UTF8.GetBytes("Not a tracking document.\n"), dryRun: false)).Accepted);
            Assert.False((await import.ImportAsync(Encoding.UTF8.GetBytes("Not a tracking document.\n"), dryRun: true)).Accepted);
            var export = scope.ServiceProvider.GetRequiredService<ExportService>();
            Assert.NotNull((await export.ExportAsync(null, ExportFormat.Markdown)).Text);
            Assert.NotNull((await export.ExportAsync(null, ExportFormat.Json)).Text);
        }

        Assert.Equal(1, recorded.Sum("phasetracker.imports", "result", "applied"));
        Assert.Equal(1, recorded.Sum("phasetracker.imports", "result", "rejected"));
        Assert.Equal(2, recorded.Sum("phasetracker.exports"));

        // And Prometheus sees them.
        using var client = factory.CreateClient();
        var samples = await PrometheusText.ScrapeAsync(client);
        Assert.True(samples.Sum("phasetracker_imports_total", s => s["result"] == "rejected") >= 1);
        Assert.True(samples.Sum("phasetracker_exports_total") >= 2);
    }

    /// <summary>Listens to the PhaseTracker meter of one host only (its IMeterFactory is the meter's scope).</summary>
    private sealed class HostMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = new();

        public HostMeasurements(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PhaseTrackerMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var tag in tags)
                {
                    copy[tag.Key] = tag.Value;
                }

                _measurements.Enqueue((instrument.Name, value, copy));
            });
            _listener.Start();
        }

        public long Sum(string instrument, string? tag = null, string? value = null) => _measurements
            .Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value)))
            .Sum(m => m.Value);

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task Every_product_series_is_there_from_the_first_scrape()
    {
        using var client = factory.CreateClient();

        var samples = await PrometheusText.ScrapeAsync(client);

        Assert.Contains(samples, s => s.Name == "phasetracker_imports_total" && s["result"] == "applied");
        Assert.Contains(samples, s => s.Name == "phasetracker_imports_total" && s["result"] == "rejected");
        Assert.Contains(samples, s => s.Name == "phasetracker_exports_total");
        Assert.Contains(samples, s => s.Name == "phasetracker_edit_conflicts_total");
        Assert.Contains(samples, s => s.Name == "phasetracker_errors_total" && s["status_code"] == "500");
        Assert.Contains(samples, s => s.Name == "phasetracker_errors_total" && s["status_code"] == "503");
    }

    [Fact]
    public async Task Items_are_counted_by_status_and_priority()
    {
        using var client = factory.CreateClient();

        var items = (await PrometheusText.ScrapeAsync(client)).Where(s => s.Name == "phasetracker_items").ToList();

        Assert.Equal(Seed.ItemTitles.Length, items.Sum(s => s.Value));
        Assert.All(items, s =>
        {
            Assert.False(string.IsNullOrEmpty(s["status"]));
            Assert.Matches("^(P[0-3]|none)$", s["priority"]);
        });
        Assert.Contains(items, s => s["priority"] == "P0");
    }
}
