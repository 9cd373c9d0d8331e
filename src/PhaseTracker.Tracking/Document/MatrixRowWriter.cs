using System.Globalization;
using System.Text;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>
/// Writes matrix rows. A row's derived cells (priority, effort, impact, phase, owner) follow their
/// item only where they agreed with it when read; each changed cell is rewritten on its own, keeping
/// the row's padding.
/// </summary>
internal static class MatrixRowWriter
{
    public static string Write(MatrixRow row, DeferredItem item, IReadOnlyList<string> columns, int phaseNumber)
    {
        var current = MatrixCells.Current(row, item, columns, phaseNumber);
        var changes = new Dictionary<int, string>();
        for (var c = 0; c < current.Count; c++)
        {
            if (current[c] != row.Cells[c])
            {
                changes[c] = current[c];
            }
        }

        return changes.Count == 0 ? row.Source : ReplaceCells(row.Source, changes);
    }

    /// <summary>
    /// The tracked columns less those whose cell the writer would not give back unchanged for the item as
    /// read, so that a document read and written with no edit comes back byte for byte.
    /// </summary>
    public static MatrixColumn Stable(MatrixRow row, DeferredItem item, MatrixColumn tracked, IReadOnlyList<string> columns, int phaseNumber)
    {
        for (var c = 0; c < columns.Count && c < row.Cells.Count; c++)
        {
            var flag = columns[c] switch
            {
                "item" => MatrixColumn.Item,
                "priority" => MatrixColumn.Priority,
                "effort" => MatrixColumn.Effort,
                "impact" => MatrixColumn.Impact,
                "phase" => MatrixColumn.Phase,
                "owner" => MatrixColumn.Owner,
                _ => MatrixColumn.None,
            };
            if (flag != MatrixColumn.None && tracked.HasFlag(flag) && CellValue(columns[c], row.Cells[c], tracked, item, phaseNumber) != row.Cells[c])
            {
                tracked &= ~flag;
            }
        }

        return tracked;
    }

    /// <summary>What the export writes in a cell of <paramref name="column"/>: the item's value where the column is tracked.</summary>
    internal static string CellValue(string column, string cell, MatrixColumn tracked, DeferredItem item, int phaseNumber) => column switch
    {
        "item" when tracked.HasFlag(MatrixColumn.Item) => item.Title,
        "priority" when tracked.HasFlag(MatrixColumn.Priority) && item.Priority is { } p =>
            cell.Contains('(', StringComparison.Ordinal) ? Values.WritePriority(p, item.PriorityLabel) : $"P{p}",
        "effort" when tracked.HasFlag(MatrixColumn.Effort) && item.EffortHours is { } h => Values.WriteHours(h, cell),
        "impact" when tracked.HasFlag(MatrixColumn.Impact) => item.Impact ?? "",
        "phase" when tracked.HasFlag(MatrixColumn.Phase) => phaseNumber.ToString(CultureInfo.InvariantCulture),
        "owner" when tracked.HasFlag(MatrixColumn.Owner) => item.Owner ?? "",
        _ => cell,
    };

    /// <summary>A row for an item added after the document was read.</summary>
    public static string New(DeferredItem item, IReadOnlyList<string> columns, int phaseNumber, string newLine) =>
        "| " + string.Join(" | ", MatrixCells.New(item, columns, phaseNumber).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |" + newLine;

    /// <summary>Replaces the trimmed content of the given cells of a table row line.</summary>
    private static string ReplaceCells(string line, Dictionary<int, string> changes)
    {
        var bounds = CellBounds(line);
        var builder = new StringBuilder(line.Length + 16);
        var position = 0;
        foreach (var (index, value) in changes.OrderBy(c => c.Key))
        {
            if (index >= bounds.Count)
            {
                continue;
            }

            var (start, end) = bounds[index];
            while (start < end && char.IsWhiteSpace(line[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(line[end - 1]))
            {
                end--;
            }

            builder.Append(line, position, start - position).Append(value.Replace("|", "\\|", StringComparison.Ordinal));
            position = end;
        }

        builder.Append(line, position, line.Length - position);
        return builder.ToString();
    }

    /// <summary>
    /// Where each cell of a pipe-table row line sits, split at pipes that are neither escaped nor in a
    /// code span. Markdig tells an empty cell from a missing one by nothing but this count.
    /// </summary>
    internal static List<(int Start, int End)> CellBounds(string line)
    {
        var pipes = new List<int>();
        var inCode = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '`')
            {
                inCode = !inCode;
            }
            else if (c == '|' && !inCode)
            {
                pipes.Add(i);
            }
        }

        var contentEnd = line.Length;
        while (contentEnd > 0 && line[contentEnd - 1] is '\n' or '\r')
        {
            contentEnd--;
        }

        var bounds = new List<(int Start, int End)>();
        var start = 0;
        if (pipes.Count > 0 && line[..pipes[0]].Trim().Length == 0)
        {
            start = pipes[0] + 1;
            pipes.RemoveAt(0);
        }

        foreach (var pipe in pipes)
        {
            bounds.Add((start, pipe));
            start = pipe + 1;
        }

        // Text after the last pipe is a cell unless it is only the row's closing whitespace.
        if (line[start..contentEnd].Trim().Length > 0)
        {
            bounds.Add((start, contentEnd));
        }

        return bounds;
    }
}

/// <summary>
/// A matrix row's cells as the export writes them: derived cells follow their item where they agreed
/// with it when read, the rest stay as the team wrote them. The matrix page shows these, so it agrees
/// with the exported document after every edit.
/// </summary>
public static class MatrixCells
{
    /// <param name="columns">The table's column keys ("item", "priority", ...), from the layout.</param>
    public static List<string> Current(MatrixRow row, DeferredItem item, IReadOnlyList<string> columns, int phaseNumber)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(columns);
        var cells = new List<string>(row.Cells.Count);
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var cell = row.Cells[c];
            cells.Add(c >= columns.Count ? cell : MatrixRowWriter.CellValue(columns[c], cell, row.TrackedColumns, item, phaseNumber));
        }

        return cells;
    }

    /// <summary>The cells of the row the export adds for an item the document's table does not have yet.</summary>
    public static List<string> New(DeferredItem item, IReadOnlyList<string> columns, int phaseNumber)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(columns);
        return [.. columns.Select(column => column switch
        {
            "item" => item.Title,
            "priority" => item.Priority is { } p ? $"P{p}" : "",
            "effort" => item.EffortHours is { } h ? $"{Values.FormatNumber(h)}h" : "",
            "impact" => item.Impact ?? "",
            "phase" => phaseNumber.ToString(CultureInfo.InvariantCulture),
            "owner" => item.Owner ?? "",
            _ => "",
        })];
    }
}
