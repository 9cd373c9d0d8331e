using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Features.Dashboard;

public sealed class DashboardQuery(PhaseTrackerDbContext db)
{
    /// <summary>The dashboard lists this many items; the items page (with paging) shows the rest.</summary>
    public const int MaxItems = 200;

    public async Task<DashboardViewModel> GetAsync(CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().CurrentFirst()
            .Select(p => new { p.Id, p.Number, p.Title, p.Purpose, p.StatusLine, p.Timeline })
            .FirstOrDefaultAsync(cancellationToken);
        if (phase is null)
        {
            return DashboardViewModel.Empty;
        }

        var items = db.DeferredItems.AsNoTracking().Where(i => i.PhaseId == phase.Id);
        var listed = await items.OrderBy(i => i.Number).Take(MaxItems)
            .Select(i => new DashboardItem(i.Number, i.Title, i.StatusEmoji, i.StatusLabel, i.Priority, i.PriorityLabel, i.EffortHours, i.Owner))
            .ToListAsync(cancellationToken);
        var count = await items.CountAsync(cancellationToken);
        var totalHours = await items.SumAsync(i => i.EffortHours, cancellationToken) ?? 0;
        var warnings = await db.DocumentWarnings.AsNoTracking()
            .Where(w => w.PhaseId == phase.Id)
            .OrderBy(w => w.Line).ThenBy(w => w.Id)
            .Select(w => new DashboardWarning(w.Kind, w.Line, w.Message))
            .ToListAsync(cancellationToken);

        return new DashboardViewModel(new DashboardPhase(
            phase.Number, phase.Title, phase.Purpose, phase.StatusLine, phase.Timeline, listed, count, totalHours, warnings));
    }
}
