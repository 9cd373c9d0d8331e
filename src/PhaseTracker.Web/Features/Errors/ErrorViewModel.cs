namespace PhaseTracker.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode, string Heading, string Message, string? RequestId)
{
    public bool ShowRequestId => !string.IsNullOrEmpty(RequestId);

    public static ErrorViewModel For(int statusCode, string? requestId) => statusCode switch
    {
        StatusCodes.Status400BadRequest => new(statusCode, "That request was not understood.", "Check the address or the form and try again.", requestId),
        StatusCodes.Status401Unauthorized => new(statusCode, "Please sign in.", "This page needs an account.", requestId),
        StatusCodes.Status403Forbidden => new(statusCode, "This is not open to your account.", "Ask an admin if you need it.", requestId),
        StatusCodes.Status405MethodNotAllowed => new(statusCode, "That does not work here.", "The page exists, but not for this kind of request.", requestId),
        StatusCodes.Status503ServiceUnavailable => new(statusCode, "PhaseTracker cannot reach its database right now.", "Try again in a minute; if it keeps failing, tell an admin the request id below.", requestId),
        _ => new(statusCode, "Something went wrong.", "The page could not be shown. Try again; if it keeps failing, tell an admin the request id below.", requestId),
    };
}

/// <summary>The 404 page: <paramref name="Path"/> is what was asked for, when known.</summary>
public sealed record NotFoundViewModel(string? Path);
