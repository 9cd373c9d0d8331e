using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Items;

/// <summary>One item with every field, and the roadmap blocks and matrix rows that refer to it.</summary>
public sealed class ItemDetailsQuery(PhaseTrackerDbContext db, PageCache cache)
{
    /// <summary>The item, or null when no item has that id.</summary>
    public async Task<ItemDetails?> GetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await cache.GetOrCreateAsync($"item:{id}", token => ReadAsync(id, token), cancellationToken);
        return found.Item;
    }

    /// <summary>Wraps a missing item too, so that a request for an unknown id is cached as well.</summary>
    private sealed record Found(ItemDetails? Item);

    private async Task<Found> ReadAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.DeferredItems.AsNoTracking()
            .Where(i => i.Id == id)
            .Select(i => new
            {
                i.Id, i.Number, i.Title, i.PhaseId, PhaseNumber = i.Phase!.Number, PhaseTitle = i.Phase.Title,
                PhaseOverviewUnfinished = i.Phase.StatusLine == null && i.Phase.Timeline == null,
                i.FilePath, i.StatusEmoji, i.StatusLabel, i.StatusNote, i.IsComplete,
                i.WhyDeferred, i.Done, i.Missing, i.Plan,
                i.EffortHours, i.Priority, i.PriorityLabel, i.Impact, i.Owner, i.TrackingIssue, i.CompletedOn, i.PullRequest, i.Line,
                i.ChangesToPlan, i.Deferrals,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return new Found(null);
        }

        var matrixRows = await db.MatrixRows.AsNoTracking()
            .Where(r => r.PhaseId == item.PhaseId && r.ItemNumber == item.Number)
            .OrderBy(r => r.Ordinal)
            .Select(r => new MatrixReference(r.Ordinal, r.Label, r.Cells, r.Line))
            .ToListAsync(cancellationToken);
        var roadmap = await RoadmapIndexAsync(item.PhaseId, cancellationToken);

        // The item's history is read with the item, into the same cache entry, so a page read again costs one command.
        var history = await db.HistoryEntries.AsNoTracking()
            .Where(h => h.RecordType == HistoryRecordType.Item && h.RecordId == id)
            .OrderByDescending(h => h.Id)
            .Take(RecordHistoryViewComponent.Shown)
            .ToListAsync(cancellationToken);

        return new Found(new ItemDetails(
            item.Id, item.Number, item.Title, item.PhaseNumber, item.PhaseTitle,
            item.FilePath, item.StatusEmoji, item.StatusLabel, item.StatusNote, item.IsComplete,
            item.WhyDeferred, item.Done, item.Missing, item.Plan,
            item.EffortHours, item.Priority, item.PriorityLabel, item.Impact, item.Owner,
            ItemLink.From(item.TrackingIssue), item.CompletedOn, ItemLink.From(item.PullRequest), item.Line,
            roadmap.TryGetValue(item.Number, out var blocks) ? blocks : [],
            matrixRows,
            item.ChangesToPlan,
            item.Deferrals,
            history)
        {
            PhaseOverviewUnfinished = item.PhaseOverviewUnfinished,
        });
    }

    /// <summary>
    /// The phase's roadmap blocks by the items they work on. Blocks are kept as JSON inside their week,
    /// so the weeks are read once per phase and data version, not once per item page.
    /// </summary>
    private Task<IReadOnlyDictionary<int, IReadOnlyList<RoadmapReference>>> RoadmapIndexAsync(int phaseId, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync($"roadmap-by-item:{phaseId}", async token =>
        {
            var weeks = await db.RoadmapWeeks.AsNoTracking()
                .Where(w => w.PhaseId == phaseId)
                .OrderBy(w => w.Number).ThenBy(w => w.Line)
                .Select(w => new { w.Number, w.Theme, w.Blocks })
                .ToListAsync(token);
            IReadOnlyDictionary<int, IReadOnlyList<RoadmapReference>> index = weeks
                .SelectMany(w => w.Blocks.SelectMany(b => b.ItemNumbers.Distinct().Select(n =>
                    (Number: n, Reference: new RoadmapReference(w.Number, w.Theme, b.StartDay, b.EndDay, b.Title)))))
                .GroupBy(x => x.Number)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<RoadmapReference>)[.. g.Select(x => x.Reference)]);
            return index;
        }, cancellationToken);
}
