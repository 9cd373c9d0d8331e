using System.Globalization;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Charts;
using PhaseTracker.Web.Features.Matrix;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>
/// The roadmap of a phase, <see cref="WeeksPerPage"/> weeks at a time: the weeks (their blocks are JSON
/// in the week's row), then the items those blocks name in one query, whatever their number.
/// </summary>
public sealed class RoadmapQuery(PhaseTrackerDbContext db, PageCache cache)
{
    /// <summary>About two months of a roadmap: the timeline of that many weeks still reads at a glance.</summary>
    public const int WeeksPerPage = 10;

    /// <summary>The page, or null when <paramref name="phaseNumber"/> names no phase.</summary>
    /// <param name="phaseNumber">The phase; null for the current one.</param>
    /// <param name="page">The page of weeks, from 1.</param>
    /// <param name="week">A week number: shows the page that holds it (so <c>/roadmap?week=12#week-12</c> finds it), whatever <paramref name="page"/> says.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<RoadmapPage?> GetAsync(int? phaseNumber, int page, int? week, CancellationToken cancellationToken)
    {
        var found = await cache.GetOrCreateAsync($"roadmap:{phaseNumber}:{page}:{week}", token => ReadAsync(phaseNumber, page, week, token), cancellationToken);
        return found.Page;
    }

    /// <summary>Wraps an unknown phase too, so that it is cached like any other answer.</summary>
    private sealed record Found(RoadmapPage? Page);

    private async Task<Found> ReadAsync(int? phaseNumber, int page, int? week, CancellationToken cancellationToken)
    {
        var numbers = await db.Phases.AsNoTracking().OrderBy(p => p.Number).Select(p => p.Number).ToListAsync(cancellationToken);
        var phase = await db.Phases.AsNoTracking().NumberedOrCurrent(phaseNumber)
            .Select(p => new { p.Id, p.Number, p.Title })
            .FirstOrDefaultAsync(cancellationToken);
        if (phase is null)
        {
            return new Found(phaseNumber is null ? new RoadmapPage(null, numbers) : null);
        }

        var weekCount = await db.RoadmapWeeks.CountAsync(w => w.PhaseId == phase.Id, cancellationToken);
        var pageCount = Pager.PageCountOf(weekCount, WeeksPerPage);
        if (week is { } weekNumber)
        {
            page = (await db.RoadmapWeeks.CountAsync(w => w.PhaseId == phase.Id && w.Number < weekNumber, cancellationToken) / WeeksPerPage) + 1;
        }

        page = Math.Clamp(page, 1, pageCount);
        var weeks = await db.RoadmapWeeks.AsNoTracking()
            .Where(w => w.PhaseId == phase.Id)
            .OrderBy(w => w.Number).ThenBy(w => w.Line).ThenBy(w => w.Id)
            .Skip((page - 1) * WeeksPerPage)
            .Take(WeeksPerPage)
            .Select(w => new { w.Id, w.Number, w.Theme, w.Blocks })
            .ToListAsync(cancellationToken);

        var itemNumbers = weeks.SelectMany(w => w.Blocks).SelectMany(b => b.ItemNumbers).Distinct().ToList();
        var items = itemNumbers.Count == 0
            ? []
            : await db.DeferredItems.AsNoTracking()
                .Where(i => i.PhaseId == phase.Id && itemNumbers.Contains(i.Number))
                .Select(i => new RoadmapItemLink(i.Id, i.Number, i.Title, i.Priority))
                .ToDictionaryAsync(i => i.Number, cancellationToken);

        // Anchors by week number ("#week-3"), as the item pages link to them; a number the document
        // repeats gets a suffix so that ids stay unique.
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var views = weeks.Select(week =>
        {
            var anchor = $"week-{week.Number.ToString(CultureInfo.InvariantCulture)}";
            for (var n = 2; !anchors.Add(anchor); n++)
            {
                anchor = $"week-{week.Number.ToString(CultureInfo.InvariantCulture)}-{n.ToString(CultureInfo.InvariantCulture)}";
            }

            var blocks = week.Blocks.Select((block, b) => new RoadmapBlockView(
                $"{anchor}-block-{(b + 1).ToString(CultureInfo.InvariantCulture)}",
                block.StartDay,
                block.EndDay,
                new TimelineBlock(block.StartDay, block.EndDay, block.Title, null, "").DayText,
                block.Title,
                // Rendered here, once per data version with the rest of the cached page, not per request:
                // parsing a hundred tasks' markdown was most of a warm /roadmap's time.
                [.. block.Tasks.Select(SafeMarkdown.Inline)],
                [.. block.ItemNumbers.Distinct().Where(items.ContainsKey).Select(n => items[n])])).ToList();
            return new RoadmapWeekView(week.Id, week.Number, week.Theme, anchor, blocks, DayOverlaps.Of(week.Number, week.Blocks.Select(b => (b.StartDay, b.EndDay))));
        }).ToList();

        var chart = views.Count == 0 ? null : RoadmapTimelineChart.Render(
            [.. views.Select(w => new TimelineWeek(w.Number, w.Theme, [.. w.Blocks.Select(ToTimeline)]))], "roadmap-chart");
        return new Found(new RoadmapPage(
            new RoadmapPhase(phase.Number, phase.Title, views, weekCount, new Pager("/roadmap", phaseNumber, page, pageCount, "Pages of the roadmap"), chart),
            numbers));
    }

    private static TimelineBlock ToTimeline(RoadmapBlockView block)
    {
        var tasks = block.Tasks.Count == 1 ? "1 task" : $"{block.Tasks.Count.ToString(CultureInfo.InvariantCulture)} tasks";
        var items = block.Items.Count == 0 ? "no linked item" : "items: " + string.Join(", ", block.Items.Select(i => $"#{i.Number.ToString(CultureInfo.InvariantCulture)} {i.Title}"));
        return new TimelineBlock(block.StartDay, block.EndDay, block.Title, block.Items.Min(i => i.Priority), $"{tasks}; {items}.");
    }
}
