using System.Diagnostics.Metrics;

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

using OpenTelemetry.Metrics;

namespace PhaseTracker.Web.Infrastructure.Observability;

/// <summary>Health checks, metrics and the request id in ProblemDetails: what operators and support see.</summary>
public static class ObservabilityServices
{
    /// <summary>Checks that say the process answers; <c>/healthz/live</c> runs only these.</summary>
    public const string LiveTag = "live";

    public static IServiceCollection AddPhaseTrackerObservability(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [LiveTag])
            .AddCheck<DatabaseHealthCheck>("database");

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(PhaseTrackerMetrics.MeterName)
            // A scrape sees what happened up to that moment (by default the exporter serves a 300 ms old copy).
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0)
            .ThisHostsMetersOnly());
        services.AddHostedService<MetricsStartup>();

        // Every ProblemDetails (API errors, refusals, validation) carries the id a user can quote to support.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions[RequestIdExtension] = context.HttpContext.TraceIdentifier);
        return services;
    }

    public const string RequestIdExtension = "requestId";

    /// <summary>
    /// Meters made by another host's IMeterFactory (several hosts share a process in tests) are dropped:
    /// OpenTelemetry matches meters by name alone, and would mix in, or lose, another host's series.
    /// </summary>
    private static MeterProviderBuilder ThisHostsMetersOnly(this MeterProviderBuilder metrics)
    {
        if (metrics is IDeferredMeterProviderBuilder deferred)
        {
            deferred.Configure((services, builder) =>
            {
                var meterFactory = services.GetRequiredService<IMeterFactory>();
                builder.AddView(instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meterFactory)
                    ? null
                    : MetricStreamConfiguration.Drop);
            });
        }

        return metrics;
    }

    /// <summary>
    /// <c>/healthz</c> (readiness: every check, the database among them), <c>/healthz/live</c> (the
    /// process alone) and <c>/metrics</c>: open without an account, whatever <c>Auth:AllowAnonymousRead</c> says.
    /// </summary>
    public static IEndpointRouteBuilder MapPhaseTrackerOperations(this IEndpointRouteBuilder endpoints)
    {
        HttpMethodMetadata getOrHead = new([HttpMethods.Get, HttpMethods.Head]);
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous().WithMetadata(getOrHead);
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(LiveTag),
                ResponseWriter = HealthResponse.WriteAsync,
            })
            .AllowAnonymous().WithMetadata(getOrHead);
        endpoints.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().WithMetadata(getOrHead);
        return endpoints;
    }
}
