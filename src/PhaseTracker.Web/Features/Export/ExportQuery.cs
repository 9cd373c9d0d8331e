using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Features.Export;

/// <summary>A phase the export page offers.</summary>
public sealed record ExportPhaseChoice(int Number, string Title);

/// <summary>The export page: the phases to choose from, the one chosen (the current phase unless another is asked for).</summary>
public sealed record ExportPageModel(IReadOnlyList<ExportPhaseChoice> Phases, int? SelectedPhase, int? CurrentPhase);

/// <summary>What the export page and the export API read besides the document: the phases, the file name a document goes out under.</summary>
public sealed class ExportQuery(PhaseTrackerDbContext db)
{
    private const string ImportedFrom = "import of ";

    public async Task<ExportPageModel> GetPageAsync(int? phase, CancellationToken cancellationToken)
    {
        var phases = await db.Phases.AsNoTracking().CurrentFirst()
            .Select(p => new ExportPhaseChoice(p.Number, p.Title))
            .ToListAsync(cancellationToken);
        var current = phases.Count > 0 ? phases[0].Number : (int?)null;
        var selected = phase is { } asked && phases.Any(p => p.Number == asked) ? asked : current;
        return new ExportPageModel([.. phases.OrderBy(p => p.Number)], selected, current);
    }

    public Task<bool> PhaseExistsAsync(int number, CancellationToken cancellationToken) =>
        db.Phases.AnyAsync(p => p.Number == number, cancellationToken);

    /// <summary>
    /// The name the phase's document was last imported from (the history names it: "import of
    /// PHASE2_TRACKING.md"), so a download lands on the repo's file; else <c>PHASE2_TRACKING.md</c>.
    /// </summary>
    public async Task<string> DocumentFileNameAsync(int phaseNumber, CancellationToken cancellationToken)
    {
        var via = await db.HistoryEntries.AsNoTracking()
            .Where(h => h.PhaseNumber == phaseNumber && h.Via.StartsWith(ImportedFrom))
            .OrderByDescending(h => h.Id)
            .Select(h => h.Via)
            .FirstOrDefaultAsync(cancellationToken);
        var name = via is null ? "" : Path.GetFileName(via[ImportedFrom.Length..].Trim());
        return name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && name.Length > 3 && name.IndexOfAny(['"', '\\', '/']) < 0
            ? name
            : $"PHASE{phaseNumber}_TRACKING.md";
    }
}
