namespace PhaseTracker.Web.Features.History;

/// <summary>
/// One change to one record: who made it, when, through what (a form, the API, an import), and each
/// field's old and new value. Entries are only ever added.
/// </summary>
public sealed class HistoryEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Who: the user's email, or "command line" for a verb run on the server.</summary>
    public string Actor { get; set; } = "";

    /// <summary>Through what: "form", "API", or the import, named ("import of PHASE2_TRACKING.md").</summary>
    public string Via { get; set; } = "";

    public HistoryRecordType RecordType { get; set; }

    /// <summary>The record's database id (for an ADR, its id, not its number).</summary>
    public int RecordId { get; set; }

    /// <summary>The phase the record belonged to when it changed, for filtering; null for settings and ADRs without one.</summary>
    public int? PhaseNumber { get; set; }

    /// <summary>How the record was named when it changed ("Item 3: Load Testing Suite", "ADR-004: ...").</summary>
    public string RecordLabel { get; set; } = "";

    public HistoryAction Action { get; set; }

    public List<FieldChange> Changes { get; set; } = [];
}

/// <summary>A field's value before and after a change, as text; null where the field had no value.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

public enum HistoryRecordType
{
    Item,
    DecisionRecord,
    RoadmapWeek,
    Phase,
    Settings,
}

public enum HistoryAction
{
    Created,
    Changed,
    Deleted,
    Restored,
    Deferred,
    Completed,
}
