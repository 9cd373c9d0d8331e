using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Settings;
using PhaseTracker.Web.Infrastructure.Observability;

namespace PhaseTracker.Web.Features.Export;

public enum ExportFormat
{
    Markdown,
    Json,
}

/// <summary>How a document is exported.</summary>
/// <param name="Diagrams">Add a Mermaid gantt of the roadmap and a quadrant chart of the matrix where the document has none yet (markdown only).</param>
/// <param name="RecordAsBase">
/// Remember the markdown as the text the phase last gave out (<see cref="Phase.SourceText"/>), the base the
/// next import merges against (PRODUCT.md rule 8). For exports that leave the app (a download, the
/// command line, the API); not for one made to compare or preview, which would move the base.
/// </param>
public sealed record ExportOptions(bool Diagrams = false, bool RecordAsBase = false)
{
    public static readonly ExportOptions None = new();
}

/// <summary>The exported document and the number of the phase it is, or why there is none.</summary>
public sealed record ExportResult(string? Text, string? Error, int? PhaseNumber = null)
{
    public static ExportResult Document(string text, int? phaseNumber = null) => new(text, null, phaseNumber);

    public static ExportResult Failed(string error) => new(null, error);
}

public sealed class ExportService(PhaseTrackerDbContext db, PhaseTrackerMetrics metrics, Workspace workspace)
{
    /// <summary>Writes the phase with that number, or the current phase, as markdown or JSON.</summary>
    public Task<ExportResult> ExportAsync(int? phaseNumber, ExportFormat format, CancellationToken cancellationToken = default) =>
        ExportAsync(phaseNumber, format, ExportOptions.None, cancellationToken);

    /// <summary>Writes the phase with that number, or the current phase, as markdown or JSON, as <paramref name="options"/> say.</summary>
    public async Task<ExportResult> ExportAsync(int? phaseNumber, ExportFormat format, ExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The writer needs neither the phase's last document text nor the items' search column: leaving
        // them out spares a 10,000-item export about 6 MB of reading and materialising.
        var phase = await db.Phases.AsNoTracking().NumberedOrCurrent(phaseNumber)
            .Select(p => new Phase
            {
                Id = p.Id, Number = p.Number, Title = p.Title, Purpose = p.Purpose, StatusLine = p.StatusLine, Timeline = p.Timeline,
                LastUpdated = p.LastUpdated, Version = p.Version, FooterStatus = p.FooterStatus, ProcessMarkdown = p.ProcessMarkdown,
                Layout = p.Layout, MadeCurrentAtUtc = p.MadeCurrentAtUtc, ImportedAtUtc = p.ImportedAtUtc, RowVersion = p.RowVersion,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (phase is null)
        {
            return ExportResult.Failed(phaseNumber is { } number
                ? $"The database holds no phase {number}."
                : "The database holds no phase yet: import a tracking document first.");
        }

        // One query per part, each walking its (PhaseId, ...) index: with thousands of items, markedly
        // cheaper than Include with AsSplitQuery, whose queries join the phase again and sort.
        var id = phase.Id;
        phase.Items = await db.DeferredItems.AsNoTracking()
            .Where(i => i.PhaseId == id).OrderBy(i => i.Number)
            .Select(i => new DeferredItem
            {
                Id = i.Id, PhaseId = i.PhaseId, Number = i.Number, Title = i.Title, FilePath = i.FilePath,
                StatusEmoji = i.StatusEmoji, StatusLabel = i.StatusLabel, StatusNote = i.StatusNote, IsComplete = i.IsComplete,
                WhyDeferred = i.WhyDeferred, Done = i.Done, Missing = i.Missing, Plan = i.Plan, EffortHours = i.EffortHours,
                Priority = i.Priority, PriorityLabel = i.PriorityLabel, Impact = i.Impact, Owner = i.Owner,
                TrackingIssue = i.TrackingIssue, CompletedOn = i.CompletedOn, PullRequest = i.PullRequest, ChangesToPlan = i.ChangesToPlan,
                Source = i.Source, SourceFingerprint = i.SourceFingerprint, Line = i.Line,
            })
            .ToListAsync(cancellationToken);
        phase.MatrixRows = await db.MatrixRows.AsNoTracking()
            .Where(r => r.PhaseId == id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken);
        phase.RoadmapWeeks = await db.RoadmapWeeks.AsNoTracking()
            .Where(w => w.PhaseId == id).OrderBy(w => w.Line).ToListAsync(cancellationToken);
        var decisionRecords = await db.DecisionRecords.AsNoTracking()
            .Where(d => d.PhaseId == id).OrderBy(d => d.Number).ToListAsync(cancellationToken);

        var hoursPerDay = (await workspace.GetAsync(cancellationToken)).HoursPerDay;
        metrics.Exported();
        if (format == ExportFormat.Markdown)
        {
            var text = TrackingDocumentWriter.Write(phase, decisionRecords, hoursPerDay, options.Diagrams);
            if (options.RecordAsBase)
            {
                await RecordAsBaseAsync(phase, text, cancellationToken);
            }

            return ExportResult.Document(text, phase.Number);
        }

        phase.RelatedDocuments = await db.RelatedDocuments.AsNoTracking()
            .Where(d => d.PhaseId == id).OrderBy(d => d.Ordinal).ToListAsync(cancellationToken);
        phase.Warnings = await db.DocumentWarnings.AsNoTracking()
            .Where(w => w.PhaseId == id).OrderBy(w => w.Line).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        return ExportResult.Document(PhaseJson.Write(phase, decisionRecords, hoursPerDay), phase.Number);
    }

    /// <summary>
    /// Stores the exported text as the phase's <see cref="Phase.SourceText"/> where it differs, in one
    /// UPDATE that compares in the database: an export that gives out the text the phase already has (the
    /// usual case) writes nothing, and the export never reads the old text back. Neither the data version
    /// nor the phase's RowVersion moves: no page shows this text, and a lead editing the phase's fields
    /// meanwhile must not get a conflict from someone's download. The phase's RowVersion and import time
    /// guard against an import committed since the phase was read: its text is then the newer base and stays.
    /// </summary>
    private async Task RecordAsBaseAsync(Phase phase, string text, CancellationToken cancellationToken)
    {
        var id = phase.Id;
        var rowVersion = phase.RowVersion;
        var importedAt = phase.ImportedAtUtc;
        await db.Phases
            .Where(p => p.Id == id && p.RowVersion == rowVersion && p.ImportedAtUtc == importedAt && (p.SourceText == null || p.SourceText != text))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.SourceText, text), cancellationToken);
    }

    /// <summary>
    /// Every decision record (or those of phase <paramref name="phaseNumber"/>) as a MADR file under
    /// <paramref name="folder"/>; empty when there is none.
    /// </summary>
    public async Task<IReadOnlyList<MadrFile>> DecisionRecordFilesAsync(int? phaseNumber, string folder = MadrWriter.DefaultFolder, CancellationToken cancellationToken = default)
    {
        var records = db.DecisionRecords.AsNoTracking();
        if (phaseNumber is { } number)
        {
            records = records.Where(d => db.Phases.Any(p => p.Id == d.PhaseId && p.Number == number));
        }

        return MadrWriter.Write(await records.OrderBy(d => d.Number).ToListAsync(cancellationToken), folder);
    }
}
