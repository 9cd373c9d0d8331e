namespace PhaseTracker.Domain;

/// <summary>A row of the priority matrix. It names its item by a short label of its own.</summary>
public class MatrixRow
{
    public int Id { get; set; }
    public int PhaseId { get; set; }

    /// <summary>The row's position in the table, from 0.</summary>
    public int Ordinal { get; set; }

    /// <summary>The item label the row shows ("E2E Tests" for "Frontend Integration Tests").</summary>
    public string Label { get; set; } = "";

    /// <summary>The number of the item the label was matched to; null where none matched.</summary>
    public int? ItemNumber { get; set; }

    /// <summary>The cells as written, trimmed, in column order.</summary>
    public List<string> Cells { get; set; } = [];

    /// <summary>
    /// The derived columns (see <see cref="MatrixColumn"/>) whose cell agreed with the item when read.
    /// Only those follow later edits of the item; a cell that disagreed is left as the team wrote it.
    /// </summary>
    public MatrixColumn TrackedColumns { get; set; }

    /// <summary>The row's line as last imported or exported, without its line ending.</summary>
    public string Source { get; set; } = "";

    public int Line { get; set; }
}

[Flags]
public enum MatrixColumn
{
    None = 0,
    Item = 1,
    Priority = 2,
    Effort = 4,
    Impact = 8,
    Phase = 16,
    Owner = 32,
}
