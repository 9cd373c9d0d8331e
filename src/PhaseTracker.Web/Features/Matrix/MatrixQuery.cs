using System.Globalization;

using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Charts;
using PhaseTracker.Web.Features.Settings;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Matrix;

/// <summary>
/// The priority matrix of a phase: the table as the document has it (paged), the totals summed in SQL
/// and the chart. What belongs to the phase (columns, totals, chart) is read once per data version;
/// each page of rows is one more query. The number of commands does not depend on the number of items.
/// </summary>
public sealed class MatrixQuery(PhaseTrackerDbContext db, PageCache cache, Workspace workspace)
{
    public const int PageSize = 50;

    private static readonly Dictionary<string, string> ColumnNames = new(StringComparer.Ordinal)
    {
        ["item"] = "Item",
        ["priority"] = "Priority",
        ["effort"] = "Effort",
        ["impact"] = "Impact",
        ["phase"] = "Phase",
        ["owner"] = "Owner",
    };

    /// <summary>The page, or null when <paramref name="phaseNumber"/> names no phase.</summary>
    public async Task<MatrixPage?> GetAsync(int? phaseNumber, int page, CancellationToken cancellationToken)
    {
        var found = await cache.GetOrCreateAsync($"matrix:{phaseNumber}:{page}", token => ReadAsync(phaseNumber, page, token), cancellationToken);
        return found.Page;
    }

    /// <summary>Wraps an unknown phase too, so that it is cached like any other answer.</summary>
    private sealed record Found(MatrixPage? Page);

    private async Task<Found> ReadAsync(int? phaseNumber, int page, CancellationToken cancellationToken)
    {
        // What every page of the phase shows (columns, totals, chart) is read once for all its pages.
        var summary = await cache.GetOrCreateAsync($"matrix-summary:{phaseNumber}", token => ReadSummaryAsync(phaseNumber, token), cancellationToken);
        if (summary.Phase is not { } phase)
        {
            return new Found(phaseNumber is null ? new MatrixPage(null, summary.PhaseNumbers) : null);
        }

        var pageCount = Pager.PageCountOf(phase.RowCount, PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await ReadRowsAsync(phase, page, cancellationToken);

        var headers = Enumerable.Range(0, Math.Max(phase.Columns.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count)))
            .Select(c => c < phase.Columns.Count && ColumnNames.TryGetValue(phase.Columns[c], out var name)
                ? name
                : $"Column {(c + 1).ToString(CultureInfo.InvariantCulture)}")
            .ToList();
        return new Found(new MatrixPage(
            new MatrixPhase(
                phase.Number,
                phase.Title,
                headers,
                Math.Max(0, phase.Columns.IndexOf("item")),
                rows,
                phase.RowCount,
                new Pager("/matrix", phaseNumber, page, pageCount, "Pages of the priority matrix"),
                phase.Totals,
                phase.Chart,
                phase.ChartCountsCells),
            summary.PhaseNumbers));
    }

    private sealed record Summary(PhaseSummary? Phase, IReadOnlyList<int> PhaseNumbers);

    private sealed record PhaseSummary(
        int Id, int Number, string Title, List<string> Columns, int DocumentRowCount, int UnlistedCount, MatrixTotals Totals, HtmlString? Chart, bool ChartCountsCells)
    {
        public int RowCount => DocumentRowCount + UnlistedCount;
    }

    private async Task<Summary> ReadSummaryAsync(int? phaseNumber, CancellationToken cancellationToken)
    {
        var numbers = await db.Phases.AsNoTracking().OrderBy(p => p.Number).Select(p => p.Number).ToListAsync(cancellationToken);

        // The layout knows the table's columns (the MatrixEnd segment holds their keys). It is read
        // with the phase row and its counts and sums, once per data version.
        var phase = await db.Phases.AsNoTracking().NumberedOrCurrent(phaseNumber)
            .Select(p => new
            {
                p.Id,
                p.Number,
                p.Title,
                p.Layout,
                RowCount = p.MatrixRows.Count,
                UnlistedCount = p.Items.Count(i => !p.MatrixRows.Any(r => r.ItemNumber == i.Number)),
                ItemCount = p.Items.Count,
                Hours = p.Items.Sum(i => i.EffortHours),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (phase is null)
        {
            return new Summary(null, numbers);
        }

        var columns = phase.Layout.FirstOrDefault(s => s.Kind == SegmentKind.MatrixEnd)?.Text?.Split('|').ToList() ?? [];

        // Items the table has no row for yet (added in a form) get the row the export will write,
        // after the document's rows, where the table has columns to show them in.
        var unlisted = columns.Count > 0 ? phase.UnlistedCount : 0;
        var items = db.DeferredItems.AsNoTracking().Where(i => i.PhaseId == phase.Id);
        var itemCount = phase.ItemCount;

        HtmlString? chart = null;
        var countsCells = itemCount > PriorityMatrixChart.MaxMarks;
        if (countsCells)
        {
            var groups = await items.GroupBy(i => new { i.Impact, i.EffortHours, i.Priority })
                .Select(g => new MatrixChartGroup(g.Key.Impact, g.Key.EffortHours, g.Key.Priority, g.Count()))
                .ToListAsync(cancellationToken);
            chart = PriorityMatrixChart.Counts(groups, "matrix-chart");
        }
        else if (itemCount > 0)
        {
            // Each item is labelled as the matrix row that names it labels it, else by its title.
            var phaseId = phase.Id;
            var marks = await items.OrderBy(i => i.Number)
                .Select(i => new MatrixChartItem(
                    db.MatrixRows.Where(r => r.PhaseId == phaseId && r.ItemNumber == i.Number).OrderBy(r => r.Ordinal).Select(r => r.Label).FirstOrDefault() ?? i.Title,
                    i.Priority,
                    i.EffortHours,
                    i.Impact))
                .ToListAsync(cancellationToken);
            chart = PriorityMatrixChart.Marks(marks, "matrix-chart");
        }

        return new Summary(
            new PhaseSummary(phase.Id, phase.Number, phase.Title, columns, phase.RowCount, unlisted,
                new MatrixTotals(itemCount, phase.Hours ?? 0, (await workspace.GetAsync(cancellationToken)).HoursPerDay), chart, countsCells),
            numbers);
    }

    /// <summary>
    /// One page of the table: the document's rows with their derived cells following their items (as the
    /// export writes them), then the rows the export adds for items the document's table does not have.
    /// Both queries always run, so a page costs the same number of commands whatever its size.
    /// </summary>
    private async Task<IReadOnlyList<MatrixTableRow>> ReadRowsAsync(PhaseSummary phase, int page, CancellationToken cancellationToken)
    {
        var phaseId = phase.Id;
        var skip = (page - 1) * PageSize;
        var rows = await db.MatrixRows.AsNoTracking()
            .Where(r => r.PhaseId == phaseId)
            .OrderBy(r => r.Ordinal)
            .Skip(skip)
            .Take(PageSize)
            .Select(r => new
            {
                Row = r,
                Item = db.DeferredItems.Where(i => i.PhaseId == phaseId && i.Number == r.ItemNumber)
                    .Select(i => new DeferredItem
                    {
                        Id = i.Id, Number = i.Number, Title = i.Title, Priority = i.Priority, PriorityLabel = i.PriorityLabel,
                        EffortHours = i.EffortHours, Impact = i.Impact, Owner = i.Owner,
                    })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var unlistedSkip = Math.Max(0, skip - phase.DocumentRowCount);
        var unlistedTake = phase.UnlistedCount == 0 ? 0 : PageSize - rows.Count;
        var unlisted = await db.DeferredItems.AsNoTracking()
            .Where(i => i.PhaseId == phaseId && !db.MatrixRows.Any(r => r.PhaseId == phaseId && r.ItemNumber == i.Number))
            .OrderBy(i => i.Number)
            .Skip(unlistedSkip)
            .Take(unlistedTake)
            .Select(i => new DeferredItem
            {
                Id = i.Id, Number = i.Number, Title = i.Title, Priority = i.Priority, PriorityLabel = i.PriorityLabel,
                EffortHours = i.EffortHours, Impact = i.Impact, Owner = i.Owner,
            })
            .ToListAsync(cancellationToken);

        return
        [
            .. rows.Select(r => r.Item is { } item && r.Row.ItemNumber is not null
                ? new MatrixTableRow(MatrixCells.Current(r.Row, item, phase.Columns, phase.Number), item.Id)
                : new MatrixTableRow(r.Row.Cells, null)),
            .. unlisted.Select(i => new MatrixTableRow(MatrixCells.New(i, phase.Columns, phase.Number), i.Id)),
        ];
    }
}
