using System.Diagnostics.Metrics;
using System.Globalization;

namespace PhaseTracker.Web.Infrastructure.Observability;

/// <summary>
/// The product's own meter, <c>PhaseTracker</c>, as Prometheus sees it on <c>/metrics</c>:
/// <c>phasetracker_imports_total{result}</c>, <c>phasetracker_exports_total</c>,
/// <c>phasetracker_edit_conflicts_total</c>, <c>phasetracker_errors_total{status_code}</c> and the gauge
/// <c>phasetracker_items{status,priority}</c> (<see cref="ItemCounts"/>). The command-line verbs
/// create this class as well; nothing listens there.
/// </summary>
public sealed class PhaseTrackerMetrics : IDisposable
{
    public const string MeterName = "PhaseTracker";

    private static readonly KeyValuePair<string, object?> Applied = new("result", "applied");
    private static readonly KeyValuePair<string, object?> Rejected = new("result", "rejected");

    private readonly Meter _meter;
    private readonly Counter<long> _imports;
    private readonly Counter<long> _exports;
    private readonly Counter<long> _editConflicts;
    private readonly Counter<long> _errors;

    public PhaseTrackerMetrics(IMeterFactory meterFactory, ItemCounts itemCounts)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(itemCounts);
        _meter = meterFactory.Create(MeterName);
        _imports = _meter.CreateCounter<long>("phasetracker.imports",
            description: "Tracking documents imported (dry runs not counted), by result: applied or rejected.");
        _exports = _meter.CreateCounter<long>("phasetracker.exports", description: "Tracking documents exported (markdown or JSON).");
        _editConflicts = _meter.CreateCounter<long>("phasetracker.edit_conflicts",
            description: "Edits refused because someone else changed the same item first.");
        _errors = _meter.CreateCounter<long>("phasetracker.errors",
            description: "Requests that ended in a server error, by status code: 503 while the database is unavailable, 500 for a bug.");
        _meter.CreateObservableGauge("phasetracker.items", itemCounts.Observe,
            description: "Items of the current phase by status and priority (counted at most every 30 seconds).");
    }

    /// <summary>
    /// Adds zero to every series, once the exporter listens (<see cref="MetricsStartup"/>): each is on
    /// <c>/metrics</c> from the first scrape, and <c>rate()</c> and <c>increase()</c> see the first event too.
    /// </summary>
    public void StartSeries()
    {
        _imports.Add(0, Applied);
        _imports.Add(0, Rejected);
        _exports.Add(0);
        _editConflicts.Add(0);
        _errors.Add(0, StatusCode(StatusCodes.Status500InternalServerError));
        _errors.Add(0, StatusCode(StatusCodes.Status503ServiceUnavailable));
    }

    /// <summary>An import (not a dry run) that applied, or that was rejected and changed nothing.</summary>
    public void Imported(bool applied) => _imports.Add(1, applied ? Applied : Rejected);

    public void Exported() => _exports.Add(1);

    /// <summary>For the edit forms: an edit refused because the item changed since the form was opened.</summary>
    public void EditConflict() => _editConflicts.Add(1);

    /// <summary>A response with status 500 or above, or an exception no handler answered.</summary>
    public void ServerError(int statusCode) => _errors.Add(1, StatusCode(statusCode));

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> StatusCode(int statusCode) =>
        new("status_code", statusCode.ToString(CultureInfo.InvariantCulture));
}

/// <summary>Registered after OpenTelemetry's own hosted service, which starts the listener.</summary>
internal sealed class MetricsStartup(PhaseTrackerMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.StartSeries();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
