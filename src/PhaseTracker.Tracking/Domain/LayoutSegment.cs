namespace PhaseTracker.Domain;

public enum SegmentKind
{
    /// <summary>Text the importer keeps as it is: headings, blank lines, unknown sections.</summary>
    Raw,

    /// <summary>The value of a phase-level field (title, purpose, footer, total effort).</summary>
    Field,

    /// <summary>A deferred item, written from its record.</summary>
    Item,

    /// <summary>Where items added after the import go: right after the last item.</summary>
    ItemsEnd,

    /// <summary>A row of the priority matrix.</summary>
    MatrixRow,

    /// <summary>Where matrix rows for new items go.</summary>
    MatrixEnd,

    /// <summary>A week of the roadmap.</summary>
    RoadmapWeek,

    /// <summary>An architecture decision record.</summary>
    DecisionRecord,

    /// <summary>Where new decision records go.</summary>
    DecisionRecordsEnd,

    /// <summary>
    /// Where weeks added after the import go: right after the last week, before the rule that closes the
    /// roadmap section. Layouts read before it existed have none; new weeks then follow the last week.
    /// </summary>
    /// <remarks>Last in the enum so the numbers of the others stay as they were.</remarks>
    RoadmapEnd,

    /// <summary>
    /// A Mermaid block PhaseTracker generated (the marker line and its fence), rewritten from the data on
    /// every export so it never goes stale. Key says which: <c>gantt</c> or <c>quadrant</c>.
    /// </summary>
    /// <remarks>Last in the enum, as layouts are stored as JSON with these numbers.</remarks>
    Diagram,
}

/// <summary>One piece of the document, in document order.</summary>
public sealed class LayoutSegment
{
    public SegmentKind Kind { get; set; }

    /// <summary>Raw: the text. Field: the value as it was written.</summary>
    public string? Text { get; set; }

    /// <summary>Field: which field (see <see cref="PhaseField"/>). Diagram: which diagram (see <see cref="PhaseTracker.Tracking.MermaidDiagrams.GanttKey"/>).</summary>
    public string? Key { get; set; }

    /// <summary>Item, RoadmapWeek, DecisionRecord: the record's number. MatrixRow: the row's ordinal.</summary>
    public int Number { get; set; }

    /// <summary>
    /// Field "total": whether the written hours and days agreed with the items when read; only a
    /// total that agreed is kept up to date (a disagreement stays visible instead of being fixed silently).
    /// </summary>
    public bool Tracked { get; set; }

    public static LayoutSegment Raw(string text) => new() { Kind = SegmentKind.Raw, Text = text };
}

public static class PhaseField
{
    public const string Title = "title";
    public const string Purpose = "purpose";
    public const string Status = "status";
    public const string Timeline = "timeline";
    public const string Total = "total";
    public const string LastUpdated = "lastUpdated";
    public const string Version = "version";
    public const string FooterStatus = "footerStatus";
}
