using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;

namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>
/// The roadmap's editing rules, shared by the week form and the API: a new week takes the phase's next
/// number; a save checks the row version, writes nothing when nothing changed, and otherwise records the
/// history entry (who, and whether by form or API) and bumps the data version in one transaction.
/// </summary>
public sealed class RoadmapEditor(PhaseTrackerDbContext db, HistoryRecorder recorder, TimeProvider clock)
{
    public async Task<RoadmapWeek> AddAsync(Actor actor, int phaseId, int phaseNumber, string theme, List<RoadmapBlock> blocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(theme);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var week = new RoadmapWeek
        {
            PhaseId = phaseId,
            Number = await NextNumberAsync(phaseId, cancellationToken),
            Theme = theme.Trim(),
            Blocks = blocks,
        };
        db.RoadmapWeeks.Add(week);
        await db.SaveChangesAsync(cancellationToken);
        recorder.Record(actor, HistoryRecordType.RoadmapWeek, week.Id, phaseNumber, HistoryFields.LabelOf(week), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(week));
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return week;
    }

    /// <summary>Saves a new theme and blocks over <paramref name="week"/> (tracked), read at <paramref name="rowVersion"/>.</summary>
    public async Task<EditResult<RoadmapWeek>> UpdateAsync(
        Actor actor, RoadmapWeek week, int rowVersion, string theme, List<RoadmapBlock> blocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(theme);
        var yours = new RoadmapWeek { Id = week.Id, PhaseId = week.PhaseId, Number = week.Number, Theme = theme.Trim(), Blocks = blocks, RowVersion = week.RowVersion };
        if (rowVersion != week.RowVersion)
        {
            return EditResult.Conflict<RoadmapWeek>(week, yours);
        }

        // Nothing changed: nothing is written, so the export stays byte-identical and no history appears.
        if (week.Theme == yours.Theme && JsonColumn.Serialize(week.Blocks) == JsonColumn.Serialize(yours.Blocks))
        {
            return EditResult.Unchanged<RoadmapWeek>(week);
        }

        var before = HistoryFields.Of(week);
        week.Theme = yours.Theme;
        week.Blocks = yours.Blocks;
        week.RowVersion++;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        recorder.Record(actor, HistoryRecordType.RoadmapWeek, week.Id, await PhaseNumberAsync(week.PhaseId, cancellationToken),
            HistoryFields.LabelOf(week), HistoryAction.Changed, before, HistoryFields.Of(week));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var stored = await db.RoadmapWeeks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == week.Id, cancellationToken);
            return stored is null ? EditResult.Missing<RoadmapWeek>() : EditResult.Conflict<RoadmapWeek>(stored, yours);
        }

        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EditResult.Saved<RoadmapWeek>(week);
    }

    /// <summary>
    /// Deletes <paramref name="week"/> (tracked), read at <paramref name="rowVersion"/>, with a history entry
    /// that keeps what it held: a soft delete, so the history page can restore it.
    /// </summary>
    public async Task<EditResult<RoadmapWeek>> DeleteAsync(Actor actor, RoadmapWeek week, int rowVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(week);
        if (rowVersion != week.RowVersion)
        {
            return EditResult.Conflict<RoadmapWeek>(week, week);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        recorder.Record(actor, HistoryRecordType.RoadmapWeek, week.Id, await PhaseNumberAsync(week.PhaseId, cancellationToken),
            HistoryFields.LabelOf(week), HistoryAction.Deleted, HistoryFields.Of(week), HistoryFields.None);
        week.DeletedAtUtc = clock.GetUtcNow().UtcDateTime;
        week.RowVersion++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var stored = await db.RoadmapWeeks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == week.Id, cancellationToken);
            return stored is null ? EditResult.Missing<RoadmapWeek>() : EditResult.Conflict<RoadmapWeek>(stored, week);
        }

        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EditResult.Saved<RoadmapWeek>(week);
    }

    /// <summary>Undoes the delete of <paramref name="week"/> (tracked, read past the query filter), with a history entry.</summary>
    public async Task RestoreAsync(Actor actor, RoadmapWeek week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(week);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        week.DeletedAtUtc = null;
        week.RowVersion++;
        recorder.Record(actor, HistoryRecordType.RoadmapWeek, week.Id, await PhaseNumberAsync(week.PhaseId, cancellationToken),
            HistoryFields.LabelOf(week), HistoryAction.Restored, HistoryFields.None, HistoryFields.Of(week));
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> NextNumberAsync(int phaseId, CancellationToken cancellationToken) =>
        (await db.RoadmapWeeks.Where(w => w.PhaseId == phaseId).MaxAsync(w => (int?)w.Number, cancellationToken) ?? 0) + 1;

    public async Task<HashSet<int>> ItemNumbersAsync(int phaseId, CancellationToken cancellationToken) =>
        [.. await db.DeferredItems.AsNoTracking().Where(i => i.PhaseId == phaseId).Select(i => i.Number).ToListAsync(cancellationToken)];

    public Task<int> PhaseNumberAsync(int phaseId, CancellationToken cancellationToken) =>
        db.Phases.AsNoTracking().Where(p => p.Id == phaseId).Select(p => p.Number).SingleAsync(cancellationToken);

    /// <summary>The phase a number names (null: the current one), or null when there is none.</summary>
    public async Task<(int Id, int Number)?> PhaseAsync(int? number, CancellationToken cancellationToken)
    {
        var found = await db.Phases.AsNoTracking().NumberedOrCurrent(number)
            .Select(p => new { p.Id, p.Number })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Number);
    }
}
