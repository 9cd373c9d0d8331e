using System.Globalization;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace PhaseTracker.Web.Infrastructure.Api;

/// <summary>
/// The API's optimistic concurrency, on the same row versions the forms use: a record's ETag is its
/// kind, id and <c>RowVersion</c> (<c>"item-12-v3"</c>); an update or delete must send it back in
/// <c>If-Match</c>. Without one: 428; with a stale one: 412, checked before the body is validated, so
/// a script learns first that it worked on an old copy.
/// </summary>
public static class RowVersionETag
{
    /// <summary>The strong ETag of one version of one record.</summary>
    public static string For(string kind, int id, int rowVersion) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{kind}-{id}-v{rowVersion}\"");

    /// <summary>Sets the response's ETag header.</summary>
    public static void Set(HttpResponse response, string kind, int id, int rowVersion)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = For(kind, id, rowVersion);
    }

    /// <summary>
    /// Null when the request's <c>If-Match</c> names this version (or is <c>*</c>); otherwise the
    /// ProblemDetails answer: 428 when the header is missing, 412 when it names another version.
    /// </summary>
    public static IActionResult? Precondition(ControllerBase controller, string kind, int id, int rowVersion)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var ifMatch = controller.Request.Headers.IfMatch;
        if (ifMatch.Count == 0 || string.IsNullOrWhiteSpace(ifMatch.ToString()))
        {
            return controller.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match is required",
                detail: $"Send the ETag you read (for this record now {For(kind, id, rowVersion)}) in an If-Match header, so that a change made since is not overwritten.");
        }

        var current = For(kind, id, rowVersion);
        var tags = EntityTagHeaderValue.TryParseList(ifMatch, out var parsed) ? parsed : [];
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Tag.Value == current)))
        {
            return null;
        }

        controller.Response.Headers.ETag = current;
        return controller.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The record changed since you read it",
            detail: $"If-Match is {ifMatch}, but the record is now at {current}: read it again, reapply your change, and send the new ETag.");
    }
}
