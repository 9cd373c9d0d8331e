using System.Globalization;

using Microsoft.AspNetCore.Html;

namespace PhaseTracker.Web.Features.Matrix;

/// <summary>The matrix page: the phase shown (null on an empty database) and the phases there are.</summary>
public sealed record MatrixPage(MatrixPhase? Phase, IReadOnlyList<int> PhaseNumbers);

public sealed record MatrixPhase(
    int Number,
    string Title,
    IReadOnlyList<string> Headers,
    int ItemColumn,
    IReadOnlyList<MatrixTableRow> Rows,
    int RowCount,
    Pager Pager,
    MatrixTotals Totals,
    HtmlString? Chart,
    bool ChartCountsCells)
{
    public int FirstRow => RowCount == 0 ? 0 : ((Pager.Page - 1) * MatrixQuery.PageSize) + 1;

    public int LastRow => FirstRow + Rows.Count - (Rows.Count == 0 ? 0 : 1);
}

/// <summary>A row of the table: its cells as written, and the item its label names where it names one.</summary>
public sealed record MatrixTableRow(IReadOnlyList<string> Cells, int? ItemId)
{
    public string Cell(int column) => column < Cells.Count ? Cells[column] : "";
}

/// <summary>The phase's effort, summed from its items in the database.</summary>
public sealed record MatrixTotals(int ItemCount, double Hours, double HoursPerDay)
{
    public string HoursText => Effort.FormatHours(Hours);

    public string DeveloperDaysText => (Hours / HoursPerDay).ToString("0.#", CultureInfo.InvariantCulture);

    public string HoursPerDayText => Effort.FormatHours(HoursPerDay);
}
