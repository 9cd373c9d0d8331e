using System.Security.Claims;

using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace PhaseTracker.Web.Infrastructure.Observability;

/// <summary>
/// The web app's logs: readable lines on the console, or compact JSON (<c>Logging:Json=true</c>) for a
/// log collector; a daily rolling file of compact JSON when <c>Logging:File:Path</c> is set. One line
/// per request (method, route, status, elapsed, user, request id); every event of a request carries
/// its <c>RequestId</c>.
/// </summary>
public static class RequestLogging
{
    public const string JsonKey = "Logging:Json";
    public const string FilePathKey = "Logging:File:Path";

    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {RequestId}{NewLine}{Exception}";

    public const string RequestTemplate = "HTTP {RequestMethod} {Route} responded {StatusCode} in {Elapsed:0.0} ms for {User}";

    private const string RouteItem = "PhaseTracker.Route";

    public static LoggerConfiguration WriteToPhaseTrackerSinks(this LoggerConfiguration logger, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(configuration);
        logger = configuration.GetValue<bool>(JsonKey)
            ? logger.WriteTo.Console(new RenderedCompactJsonFormatter())
            : logger.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);

        if (configuration[FilePathKey] is { Length: > 0 } path)
        {
            logger = logger.WriteTo.File(
                new CompactJsonFormatter(),
                Path.GetFullPath(path, contentRoot),
                rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: 100L * 1024 * 1024,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: 14);
        }

        return logger;
    }

    /// <summary>Before the error handlers, so that a failed request, re-executed into an error page, is still one line.</summary>
    public static IApplicationBuilder UsePhaseTrackerRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one, which the last host started in the process owns.
            options.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            options.MessageTemplate = RequestTemplate;
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
                // Probes and scrapes come every few seconds: only their failures are news.
                : IsProbe(context.Request) && context.Response.StatusCode < StatusCodes.Status400BadRequest ? LogEventLevel.Debug
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("Route", context.Items[RouteItem] as string ?? context.Request.Path.ToString());
                diagnostics.Set("User", context.User.Identity is { IsAuthenticated: true } identity
                    ? identity.Name ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "signed in"
                    : "anonymous");
            };
        });

    /// <summary>
    /// Right after routing: remembers the route the request matched, before an error page's re-execution
    /// replaces the endpoint with its own. A request that matched nothing is logged with its path.
    /// </summary>
    public static IApplicationBuilder UseRouteForLogs(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!context.Items.ContainsKey(RouteItem))
        {
            context.Items[RouteItem] = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } pattern
                ? "/" + pattern.TrimStart('/')
                : null;
        }

        return next(context);
    });

    private static bool IsProbe(HttpRequest request) =>
        request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}
