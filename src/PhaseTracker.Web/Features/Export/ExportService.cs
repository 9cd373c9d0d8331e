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

/// <summary>The exported document, or why there is none.</summary>
public sealed record ExportResult(string? Text, string? Error)
{
    public static ExportResult Document(string text) => new(text, null);

    public static ExportResult Failed(string error) => new(null, error);
}

public sealed class ExportService(PhaseTrackerDbContext db, PhaseTrackerMetrics metrics, Workspace workspace)
{
    /// <summary>Writes the phase with that number, or the current phase, as markdown or JSON.</summary>
    public async Task<ExportResult> ExportAsync(int? phaseNumber, ExportFormat format, CancellationToken cancellationToken = default)
    {
        // The writer needs neither the phase's last document text nor the items' search column: leaving
        // them out spares a 10,000-item export about 6 MB of reading and materialising.
        var phase = await db.Phases.AsNoTracking().NumberedOrCurrent(phaseNumber)
            .Select(p => new Phase
            {
                Id = p.Id, Number = p.Number, Title = p.Title, Purpose = p.Purpose, StatusLine = p.StatusLine, Timeline = p.Timeline,
                LastUpdated = p.LastUpdated, Version = p.Version, FooterStatus = p.FooterStatus, ProcessMarkdown = p.ProcessMarkdown,
                Layout = p.Layout, MadeCurrentAtUtc = p.MadeCurrentAtUtc, ImportedAtUtc = p.ImportedAtUtc,
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
            return ExportResult.Document(TrackingDocumentWriter.Write(phase, decisionRecords, hoursPerDay));
        }

        phase.RelatedDocuments = await db.RelatedDocuments.AsNoTracking()
            .Where(d => d.PhaseId == id).OrderBy(d => d.Ordinal).ToListAsync(cancellationToken);
        phase.Warnings = await db.DocumentWarnings.AsNoTracking()
            .Where(w => w.PhaseId == id).OrderBy(w => w.Line).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        return ExportResult.Document(PhaseJson.Write(phase, decisionRecords, hoursPerDay));
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
