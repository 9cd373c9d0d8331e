using Microsoft.EntityFrameworkCore;

using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Features.Import;

/// <summary>
/// The phase's document as the export writes it, read inside the import's own transaction: the
/// preview's diff compares it before and after the import, before the dry run rolls back.
/// </summary>
internal static class PhaseExport
{
    public static async Task<string> WriteAsync(PhaseTrackerDbContext db, int phaseId, double hoursPerDay, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().SingleAsync(p => p.Id == phaseId, cancellationToken);
        phase.Items = await db.DeferredItems.AsNoTracking().Where(i => i.PhaseId == phaseId).OrderBy(i => i.Number).ToListAsync(cancellationToken);
        phase.MatrixRows = await db.MatrixRows.AsNoTracking().Where(r => r.PhaseId == phaseId).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken);
        phase.RoadmapWeeks = await db.RoadmapWeeks.AsNoTracking().Where(w => w.PhaseId == phaseId).OrderBy(w => w.Line).ToListAsync(cancellationToken);
        var decisionRecords = await db.DecisionRecords.AsNoTracking().Where(d => d.PhaseId == phaseId).OrderBy(d => d.Number).ToListAsync(cancellationToken);
        return TrackingDocumentWriter.Write(phase, decisionRecords, hoursPerDay);
    }
}
