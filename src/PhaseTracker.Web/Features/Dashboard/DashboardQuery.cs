using System.Globalization;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Items;
using PhaseTracker.Web.Features.Settings;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Dashboard;

/// <summary>
/// The dashboard's read model. Every figure is a GROUP BY in SQL, so the page costs the same few
/// commands for 10 items or 10,000, and the whole model is cached under the data version.
/// </summary>
public sealed class DashboardQuery(PhaseTrackerDbContext db, PageCache cache, Workspace workspace)
{
    /// <summary>The dashboard lists this many of the most urgent open items.</summary>
    public const int UrgentCount = 10;

    /// <summary>Warnings and repairs beyond this many are counted, not listed.</summary>
    public const int MaxWarnings = 200;

    /// <summary>The owners table shows this many owners, then one row for the rest.</summary>
    public const int MaxOwners = 12;

    /// <summary>The dashboard of phase <paramref name="phaseNumber"/> (the current phase when null); null when no phase has that number.</summary>
    public async Task<DashboardViewModel?> GetAsync(int? phaseNumber, CancellationToken cancellationToken)
    {
        var hoursPerDay = (await workspace.GetAsync(cancellationToken)).HoursPerDay;
        var key = string.Create(CultureInfo.InvariantCulture, $"dashboard:{phaseNumber}:{hoursPerDay}");
        var found = await cache.GetOrCreateAsync(key, token => ReadAsync(phaseNumber, hoursPerDay, token), cancellationToken);
        return found.Model;
    }

    /// <summary>Wraps "no such phase" too, so that it is cached like any other answer.</summary>
    private sealed record Found(DashboardViewModel? Model);

    private async Task<Found> ReadAsync(int? phaseNumber, double hoursPerDay, CancellationToken cancellationToken)
    {
        var phases = await db.Phases.AsNoTracking().CurrentFirst()
            .Select(p => new
            {
                p.Id, p.Number, p.Title, p.Purpose, p.StatusLine, p.Timeline, p.LastUpdated, p.Version, p.FooterStatus, p.ImportedAtUtc,
            })
            .ToListAsync(cancellationToken);
        if (phases.Count == 0)
        {
            return new Found(DashboardViewModel.Empty);
        }

        var phase = phaseNumber is { } number ? phases.FirstOrDefault(p => p.Number == number) : phases[0];
        if (phase is null)
        {
            return new Found(null);
        }

        var items = db.DeferredItems.AsNoTracking().Where(i => i.PhaseId == phase.Id);

        var statuses = await items
            .GroupBy(i => new { i.StatusEmoji, i.StatusLabel, i.IsComplete })
            .Select(g => new
            {
                g.Key.StatusEmoji, g.Key.StatusLabel, g.Key.IsComplete, Count = g.Count(), Hours = g.Sum(i => i.EffortHours), First = g.Min(i => i.Number),
            })
            .ToListAsync(cancellationToken);

        var priorities = await items
            .GroupBy(i => i.Priority)
            .Select(g => new { Priority = g.Key, Label = g.Max(i => i.PriorityLabel), Count = g.Count(), Hours = g.Sum(i => i.EffortHours) })
            .ToListAsync(cancellationToken);

        var owners = await items
            .GroupBy(i => i.Owner)
            .Select(g => new { Owner = g.Key, Count = g.Count(), Hours = g.Sum(i => i.EffortHours) })
            .ToListAsync(cancellationToken);

        // The same order as the items list sorted by priority, so "all open items" continues this list.
        var urgent = await items
            .Where(i => !i.IsComplete)
            .OrderBy(i => i.Priority == null).ThenBy(i => i.Priority)
            .ThenBy(i => i.EffortHours == null).ThenByDescending(i => i.EffortHours)
            .ThenBy(i => i.Number)
            .Take(UrgentCount)
            .Select(i => new UrgentItem(i.Id, i.Number, i.Title, i.StatusEmoji, i.StatusLabel, i.Priority, i.PriorityLabel, i.EffortHours, i.Owner))
            .ToListAsync(cancellationToken);

        var warningCounts = await db.DocumentWarnings.AsNoTracking()
            .Where(w => w.PhaseId == phase.Id)
            .GroupBy(w => w.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // The document's own disagreements first: the repairs are many and mostly routine.
        var warnings = await db.DocumentWarnings.AsNoTracking()
            .Where(w => w.PhaseId == phase.Id)
            .OrderBy(w => w.Kind == WarningKind.Repair).ThenBy(w => w.Line).ThenBy(w => w.Id)
            .Take(MaxWarnings)
            .Select(w => new DashboardWarning(w.Kind, w.Line, w.Message))
            .ToListAsync(cancellationToken);

        var list = new ItemFilter { PhaseNumber = phase.Number };
        var byOwner = owners
            .OrderByDescending(o => o.Hours ?? 0).ThenByDescending(o => o.Count).ThenBy(o => o.Owner, StringComparer.Ordinal)
            .Select(o => new EffortGroup(o.Owner ?? "No owner", o.Count, o.Hours ?? 0, o.Owner is null ? null : (list with { Owner = o.Owner }).ToUrl()))
            .ToList();
        if (byOwner.Count > MaxOwners + 1)
        {
            var rest = byOwner.Skip(MaxOwners).ToList();
            byOwner = [.. byOwner.Take(MaxOwners), new EffortGroup($"{rest.Count} other owners", rest.Sum(o => o.Count), rest.Sum(o => o.Hours), null)];
        }

        var options = phases.Select((p, index) => new PhaseOption(p.Number, p.Title, IsCurrent: index == 0)).OrderBy(p => p.Number).ToList();
        return new Found(new DashboardViewModel(options, new DashboardPhase(
            phase.Number, phase.Title, phase.Purpose, phase.StatusLine, phase.Timeline, phase.LastUpdated, phase.Version, phase.FooterStatus,
            phase.ImportedAtUtc, hoursPerDay,
            [.. statuses.OrderBy(s => s.IsComplete).ThenBy(s => s.First)
                .Select(s => new StatusGroup(s.StatusEmoji, s.StatusLabel, s.IsComplete, s.Count, s.Hours ?? 0,
                    s.StatusLabel is null ? null : (list with { Status = s.StatusLabel }).ToUrl()))],
            [.. priorities.OrderBy(p => p.Priority is null).ThenBy(p => p.Priority)
                .Select(p => p.Priority is null
                    ? new EffortGroup("No priority", p.Count, p.Hours ?? 0, null)
                    : new EffortGroup(ItemText.Priority(p.Priority, p.Label), p.Count, p.Hours ?? 0, (list with { Priority = p.Priority }).ToUrl()))],
            byOwner,
            urgent,
            warnings,
            warningCounts.Where(c => c.Kind == WarningKind.Warning).Sum(c => c.Count),
            warningCounts.Where(c => c.Kind == WarningKind.Repair).Sum(c => c.Count))));
    }
}
