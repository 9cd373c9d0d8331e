using PhaseTracker.Domain;
using PhaseTracker.Tracking;

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
            return DryRun ? $"Dry run, nothing was changed: the import would give {outcome}." : $"Imported {outcome}.";
        }
    }
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
