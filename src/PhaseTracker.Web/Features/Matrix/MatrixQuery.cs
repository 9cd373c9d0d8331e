using System.Globalization;

using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
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
        var rows = await ReadRowsAsync(phase.Id, page, cancellationToken);

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
        int Id, int Number, string Title, List<string> Columns, int RowCount, MatrixTotals Totals, HtmlString? Chart, bool ChartCountsCells);

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
                ItemCount = p.Items.Count,
                Hours = p.Items.Sum(i => i.EffortHours),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (phase is null)
        {
            return new Summary(null, numbers);
        }

        var columns = phase.Layout.FirstOrDefault(s => s.Kind == SegmentKind.MatrixEnd)?.Text?.Split('|').ToList() ?? [];
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
            new PhaseSummary(phase.Id, phase.Number, phase.Title, columns, phase.RowCount,
                new MatrixTotals(itemCount, phase.Hours ?? 0, (await workspace.GetAsync(cancellationToken)).HoursPerDay), chart, countsCells),
            numbers);
    }

    private async Task<IReadOnlyList<MatrixTableRow>> ReadRowsAsync(int phaseId, int page, CancellationToken cancellationToken)
    {
        var rows = await db.MatrixRows.AsNoTracking()
            .Where(r => r.PhaseId == phaseId)
            .OrderBy(r => r.Ordinal)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new
            {
                r.Cells,
                ItemId = db.DeferredItems.Where(i => i.PhaseId == phaseId && i.Number == r.ItemNumber).Select(i => (int?)i.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MatrixTableRow(r.Cells, r.ItemId))];
    }
}
