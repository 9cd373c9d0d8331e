namespace PhaseTracker.Web.Infrastructure.Observability;

public static class ServerErrorCounting
{
    /// <summary>
    /// Counts <c>phasetracker_errors_total</c> once per request: a final status of 500 or above, or an
    /// exception that no handler answered. Outside the error handlers, so it sees what the user got.
    /// </summary>
    public static IApplicationBuilder UseServerErrorCounting(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var metrics = context.RequestServices.GetRequiredService<PhaseTrackerMetrics>();
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            metrics.ServerError(DatabaseOutage.IsOutage(ex) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError);
            throw;
        }

        if (context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            metrics.ServerError(context.Response.StatusCode);
        }
    });
}
