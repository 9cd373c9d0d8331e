namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response (pages, API, files, error pages): no inline script or plugin may run, no
/// other site may frame the app, types are not sniffed, and other sites see only our origin as referrer.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts, so that the error handler, which clears the headers, cannot drop them.
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
