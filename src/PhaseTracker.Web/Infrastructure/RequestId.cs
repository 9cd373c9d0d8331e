using Serilog.Context;

namespace PhaseTracker.Web.Infrastructure;

/// <summary>
/// <c>X-Request-ID</c>: the id a user quotes to support and an admin finds in the logs. Taken from the
/// request when a proxy or client sent a safe one, else a new UUID; it becomes
/// <see cref="HttpContext.TraceIdentifier"/>, goes back in the response, is the <c>RequestId</c> of
/// every log event of the request, and error pages and ProblemDetails show it.
/// </summary>
public static class RequestId
{
    public const string Header = "X-Request-ID";
    public const string LogProperty = "RequestId";
    public const int MaxLength = 128;

    /// <summary>1 to 128 letters, digits, '-', '_' or '.': nothing that could forge a log line or a header.</summary>
    public static bool IsSafe(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>First in the pipeline, so that everything after it, error pages included, knows the id.</summary>
    public static IApplicationBuilder UseRequestId(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestId).FullName!);
        return app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[Header];
            var id = incoming.Count == 1 && IsSafe(incoming[0]) ? incoming[0]! : Guid.NewGuid().ToString();
            context.TraceIdentifier = id;

            // Set as the response starts, so that the error handler, which clears the headers, cannot drop it.
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                response.Headers[Header] = response.HttpContext.TraceIdentifier;
                return Task.CompletedTask;
            }, context.Response);

            // Events logged through Serilog directly take the id from the LogContext; events logged through
            // ILogger from this scope, which hides the hosting scope's RequestId (the connection's id).
            using (LogContext.PushProperty(LogProperty, id))
            using (logger.BeginScope(new KeyValuePair<string, object>[] { new(LogProperty, id) }))
            {
                await next(context);
            }
        });
    }
}
