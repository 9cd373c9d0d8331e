using System.Diagnostics.Metrics;
using System.Globalization;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Infrastructure.Observability;

/// <summary>
/// The numbers behind <c>phasetracker_items{status,priority}</c>: the current phase's items counted in
/// one GROUP BY, at most every <see cref="MaxAge"/>. A scrape never waits on the database beyond the
/// very first one: it reads the last counts and, when they are old, starts a fresh count in the
/// background. While the database is unavailable the last counts stay (health and errors say why).
/// </summary>
public sealed partial class ItemCounts(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ItemCounts> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    // A status is free text in the document; a long one is cut so that a label stays a label.
    private const int MaxStatusLength = 40;

    private static readonly TimeSpan FirstCountWait = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private IReadOnlyList<Measurement<long>> _counts = [];
    private DateTimeOffset _countedAt = DateTimeOffset.MinValue;
    private Task? _counting;

    /// <summary>The observable gauge's callback.</summary>
    public IEnumerable<Measurement<long>> Observe()
    {
        Task? counting;
        bool first;
        lock (_lock)
        {
            first = _countedAt == DateTimeOffset.MinValue;
            if (_counting is null && clock.GetUtcNow() - _countedAt >= MaxAge)
            {
                _counting = Task.Run(CountAsync);
            }

            counting = _counting;
        }

        if (first && counting is not null)
        {
            // Only the first scrape waits, briefly, so that a fresh instance has its gauge at once.
            counting.Wait(FirstCountWait);
        }

        lock (_lock)
        {
            return _counts;
        }
    }

    private async Task CountAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
            var current = await db.Phases.AsNoTracking().NumberedOrCurrent(null).Select(p => (int?)p.Id).FirstOrDefaultAsync();
            var groups = current is not { } phaseId
                ? []
                : await db.DeferredItems.AsNoTracking()
                    .Where(i => i.PhaseId == phaseId)
                    .GroupBy(i => new { i.StatusLabel, i.IsComplete, i.Priority })
                    .Select(g => new { g.Key.StatusLabel, g.Key.IsComplete, g.Key.Priority, Count = g.Count() })
                    .ToListAsync();

            var counts = groups
                .GroupBy(g => (Status: StatusLabel(g.StatusLabel, g.IsComplete), Priority: PriorityLabel(g.Priority)))
                .Select(g => new Measurement<long>(
                    g.Sum(x => x.Count),
                    new KeyValuePair<string, object?>("status", g.Key.Status),
                    new KeyValuePair<string, object?>("priority", g.Key.Priority)))
                .ToList();
            lock (_lock)
            {
                _counts = counts;
                _countedAt = clock.GetUtcNow();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCountFailed(logger, ex.Message);
            lock (_lock)
            {
                // Try again after MaxAge, not on every scrape of an unavailable database.
                _countedAt = clock.GetUtcNow();
            }
        }
        finally
        {
            lock (_lock)
            {
                _counting = null;
            }
        }
    }

    private static string StatusLabel(string? label, bool isComplete)
    {
        var status = string.IsNullOrWhiteSpace(label) ? (isComplete ? "Complete" : "Unknown") : label.Trim();
        return status.Length <= MaxStatusLength ? status : status[..MaxStatusLength];
    }

    private static string PriorityLabel(int? priority) =>
        priority is { } p ? string.Create(CultureInfo.InvariantCulture, $"P{p}") : "none";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The items could not be counted for the metrics: {Reason}")]
    private static partial void LogCountFailed(ILogger logger, string reason);
}
