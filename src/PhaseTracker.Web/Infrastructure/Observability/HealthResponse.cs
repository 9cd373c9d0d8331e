using System.Text.Json;

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PhaseTracker.Web.Infrastructure.Observability;

/// <summary>
/// The body of <c>/healthz</c> and <c>/healthz/live</c>: the overall status and each check by name,
/// <c>{"status":"Unhealthy","durationMs":3.1,"checks":[{"name":"database","status":"Unhealthy",
/// "description":"...","durationMs":2.9}]}</c>. The status code says the same (503 when unhealthy).
/// Exception messages stay in the log: the endpoint is open to anyone.
/// </summary>
public static class HealthResponse
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            // A check that throws gets the exception's message as its description: not for anonymous eyes.
            if (entry.Exception is { } exception && (entry.Description is null || entry.Description == exception.Message))
            {
                json.WriteString("description", "The check failed; the log has the details.");
            }
            else if (entry.Description is { } description)
            {
                json.WriteString("description", description);
            }

            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
