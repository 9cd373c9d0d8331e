using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Features.History;

namespace PhaseTracker.Web.Features.Import;

/// <summary>What an import did (or, in a dry run, would do) to one kind of record.</summary>
public sealed record ChangeCounts(int Added, int Updated, int Removed, int Unchanged)
{
    public bool Changed => Added + Updated + Removed > 0;

    public override string ToString() => $"{Added} added, {Updated} updated, {Removed} removed, {Unchanged} unchanged";
}

public sealed record ImportSummary(
    int PhaseNumber,
    string PhaseTitle,
    bool PhaseAdded,
    bool Changed,
    bool MadeCurrent,
    bool DryRun,
    ChangeCounts Items,
    ChangeCounts DecisionRecords,
    IReadOnlyList<DocumentWarning> Warnings)
{
    /// <summary>The roadmap's weeks, matched by number within the phase.</summary>
    public ChangeCounts RoadmapWeeks { get; init; } = new(0, 0, 0, 0);

    /// <summary>Where the document and the database both changed a field since the base, with the side chosen for each.</summary>
    public IReadOnlyList<MergeConflict> Conflicts { get; init; } = [];

    /// <summary>Each record the import adds, changes, removes or restores, with its field differences.</summary>
    public IReadOnlyList<HistoryEntry> Changes { get; init; } = [];

    /// <summary>The records the database has and the document does not, kept because removal was not asked for.</summary>
    public IReadOnlyList<string> Kept { get; init; } = [];

    /// <summary>The unified diff between the phase's export before and after the import, where asked for.</summary>
    public string? Diff { get; init; }

    /// <summary>Conflicts nobody resolved: the import stopped and changed nothing.</summary>
    public bool Blocked => Conflicts.Any(c => c.Resolution is null);

    public int WarningCount => Warnings.Count(w => w.Kind == WarningKind.Warning);

    public int RepairCount => Warnings.Count(w => w.Kind == WarningKind.Repair);

    /// <summary>One sentence saying what happened to the phase.</summary>
    public string Headline
    {
        get
        {
            var phase = $"phase {PhaseNumber} \"{PhaseTitle}\"";
            var outcome = (PhaseAdded, Changed, MadeCurrent) switch
            {
                (true, _, _) => $"new {phase}, made current",
                (false, true, _) => $"{phase} updated, made current",
                (false, false, true) => $"{phase} unchanged, made current again",
                _ => $"{phase} unchanged, already current",
            };
            if (Blocked && !DryRun)
            {
                var count = Conflicts.Count(c => c.Resolution is null);
                return $"Nothing was changed: the document and the database both changed {count} field{(count == 1 ? "" : "s")} of {phase} since the last import; choose which side wins.";
            }

            return DryRun ? $"Dry run, nothing was changed: the import would give {outcome}." : $"Imported {outcome}.";
        }
    }
}

/// <summary>How an import runs.</summary>
public sealed record ImportOptions
{
    /// <summary>Work out what would change, then roll it back and record no history.</summary>
    public bool DryRun { get; init; }

    /// <summary>Who imports and through what, for the history; by default the command line.</summary>
    public Actor? Actor { get; init; }

    public string? FileName { get; init; }

    /// <summary>What becomes of the items and ADRs the database has and the document does not.</summary>
    public MissingRecords Missing { get; init; } = MissingRecords.FollowMerge;

    /// <summary>Which side wins each conflict of the three-way merge; without one, a conflict stops the import.</summary>
    public ConflictResolution Resolution { get; init; } = ConflictResolution.None;

    /// <summary>Also work out the unified diff between the export before and after the import (the preview's).</summary>
    public bool WithDiff { get; init; }
}

/// <summary>What becomes of the items and ADRs the database has and the document does not.</summary>
public enum MissingRecords
{
    /// <summary>
    /// The command line's way (rule 6 with rule 8): what the document removed since the base leaves the
    /// phase, what the database added since (a form, the API) stays; without a base, the document is the truth.
    /// </summary>
    FollowMerge,

    /// <summary>The page's and the API's default: all of it stays.</summary>
    Keep,

    /// <summary>"Remove what the document no longer has": all of it leaves the phase (items are kept as deleted).</summary>
    Remove,
}

/// <summary>The outcome of an import: a summary, or the one-sentence reason it was refused.</summary>
public sealed class ImportResult
{
    private ImportResult(ImportSummary? summary, DocumentRejection? rejection, string text)
    {
        Summary = summary;
        Rejection = rejection;
        Text = text;
    }

    public ImportSummary? Summary { get; }

    public DocumentRejection? Rejection { get; }

    /// <summary>The document's text after encoding repair: what a lossless export gives back.</summary>
    public string Text { get; }

    public bool Accepted => Rejection is null;

    public static ImportResult Applied(ImportSummary summary, string text) => new(summary, null, text);

    public static ImportResult Rejected(DocumentRejection rejection, string text = "") => new(null, rejection, text);
}
