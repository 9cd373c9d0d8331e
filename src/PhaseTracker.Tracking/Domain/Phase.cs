namespace PhaseTracker.Domain;

/// <summary>
/// One phase of a project and its tracking document: the overview, the footer and the layout that
/// lets the document be written back byte for byte.
/// </summary>
public class Phase
{
    public int Id { get; set; }

    /// <summary>The phase number the document's title names ("Phase 2 Tracking").</summary>
    public int Number { get; set; }

    /// <summary>The title line's text as written, without the leading "# ".</summary>
    public string Title { get; set; } = "";

    public string? Purpose { get; set; }
    public string? StatusLine { get; set; }
    public string? Timeline { get; set; }

    public string? LastUpdated { get; set; }
    public string? Version { get; set; }
    public string? FooterStatus { get; set; }

    /// <summary>The process section ("How to Update This Document") as markdown, for display.</summary>
    public string? ProcessMarkdown { get; set; }

    /// <summary>
    /// The document text this phase was last imported from or exported to: the common base for
    /// the three-way merge of a later import.
    /// </summary>
    public string? SourceText { get; set; }

    /// <summary>
    /// Where every part of the document sits, and the text of the parts the importer does not
    /// model. The writer walks it to put the document back together.
    /// </summary>
    public List<LayoutSegment> Layout { get; set; } = [];

    /// <summary>When an import (or a lead) last made this the current phase.</summary>
    public DateTime? MadeCurrentAtUtc { get; set; }

    public DateTime? ImportedAtUtc { get; set; }

    /// <summary>Counts the saves of the phase's overview (see <see cref="DeferredItem.RowVersion"/>).</summary>
    public int RowVersion { get; set; }

    public List<DeferredItem> Items { get; set; } = [];
    public List<MatrixRow> MatrixRows { get; set; } = [];
    public List<RoadmapWeek> RoadmapWeeks { get; set; } = [];
    public List<RelatedDocument> RelatedDocuments { get; set; } = [];
    public List<DocumentWarning> Warnings { get; set; } = [];
}
