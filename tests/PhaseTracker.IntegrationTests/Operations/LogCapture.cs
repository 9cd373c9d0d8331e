using System.Collections.Concurrent;

using Serilog.Core;
using Serilog.Events;

namespace PhaseTracker.IntegrationTests.Operations;

/// <summary>A Serilog sink that keeps every event; the app's logger takes sinks from its services.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public static string? Scalar(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: var scalar } ? scalar?.ToString() : null;

    /// <summary>The request log's line for the request with that id (written just after the response, so waited for).</summary>
    public async Task<LogEvent> RequestLineAsync(string requestId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var line = Events.FirstOrDefault(e => Scalar(e, "SourceContext") == "Serilog.AspNetCore.RequestLoggingMiddleware" && Scalar(e, "RequestId") == requestId);
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"No request log line for request {requestId}.");
    }
}
