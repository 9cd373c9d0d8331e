namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>Refusals under <c>/api</c>: ProblemDetails with the status code, never a redirect to a page.</summary>
public static class ApiProblems
{
    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    public static Task WriteUnauthorizedAsync(HttpContext context, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = BearerTokenHandler.SchemeName;
        return WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    public static Task WriteForbiddenAsync(HttpContext context, string detail) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
