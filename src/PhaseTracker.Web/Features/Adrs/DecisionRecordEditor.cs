using System.Globalization;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Roadmap;
using PhaseTracker.Web.Features.Settings;

namespace PhaseTracker.Web.Features.Adrs;

/// <summary>
/// The decision records' editing rules, shared by the forms and the API: a new record takes the next
/// number never handed out, a status moves only along the lifecycle (a supersession is written on both
/// records), a save checks the row version and writes nothing when nothing changed, and every write
/// records its history entry and bumps the data version in one transaction.
/// </summary>
public sealed class DecisionRecordEditor(PhaseTrackerDbContext db, HistoryRecorder recorder, Workspace workspace, TimeProvider clock)
{
    /// <summary>Adds a proposed record to the phase with <paramref name="values"/> (title, date, lists).</summary>
    public async Task<DecisionRecord> CreateAsync(Actor actor, int phaseId, int phaseNumber, DecisionRecord values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = Copy(values);
        record.PhaseId = phaseId;
        record.Number = await NextNumberAsync(cancellationToken);
        record.Status = AdrLifecycle.ProposedText;
        record.Supersedes = null;
        record.SupersededBy = null;
        db.DecisionRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        // The entry also keeps the number taken: a later import that drops the record does not free it.
        recorder.Record(actor, HistoryRecordType.DecisionRecord, record.Id, phaseNumber, HistoryFields.LabelOf(record), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(record));
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    /// <summary>Saves the values <paramref name="change"/> makes over <paramref name="record"/> (tracked), read at <paramref name="rowVersion"/>.</summary>
    public Task<EditResult<DecisionRecord>> UpdateAsync(Actor actor, DecisionRecord record, int rowVersion, Action<DecisionRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(change);
        var yours = Copy(record);
        change(yours);
        return SaveAsync(actor, record, rowVersion, yours, cancellationToken);
    }

    /// <summary>
    /// Moves <paramref name="record"/> (tracked) to <paramref name="to"/>: Accepted, Rejected, Deprecated, or
    /// Superseded by record <paramref name="by"/>, which then names it in its "Supersedes".
    /// </summary>
    public async Task<EditResult<DecisionRecord>> ChangeStatusAsync(
        Actor actor, DecisionRecord record, int rowVersion, string? to, int? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var target = to?.Trim() ?? "";
        var number = record.Number;
        var name = Values.AdrName(number);
        if (rowVersion != record.RowVersion)
        {
            var stale = Copy(record);
            stale.Status = AdrLifecycle.StatusText(target, by);
            return EditResult.Conflict<DecisionRecord>(record, stale);
        }

        if (AdrLifecycle.Refusal(name, record.Status, target) is { } refusal)
        {
            // A word that is no status at all is a wrong request; a real status the record cannot take now is refused.
            return target is AdrLifecycle.Accepted or AdrLifecycle.Rejected or AdrLifecycle.Deprecated or AdrLifecycle.Superseded
                ? EditResult.Refused<DecisionRecord>(refusal)
                : EditResult.Invalid<DecisionRecord>("to", refusal);
        }

        var yours = Copy(record);
        if (target != AdrLifecycle.Superseded)
        {
            yours.Status = AdrLifecycle.StatusText(target);
            return await SaveAsync(actor, record, rowVersion, yours, cancellationToken);
        }

        var newer = by is { } byNumber && byNumber != number
            ? await db.DecisionRecords.SingleOrDefaultAsync(d => d.Number == byNumber, cancellationToken)
            : null;
        if (newer is null)
        {
            return EditResult.Invalid<DecisionRecord>("by", $"Choose the decision record that supersedes {name}: another record that exists.");
        }

        if (newer.Supersedes is { } already && already != number)
        {
            return EditResult.Refused<DecisionRecord>($"{Values.AdrName(newer.Number)} already supersedes {Values.AdrName(already)}; a record here supersedes one other.");
        }

        yours.Status = AdrLifecycle.StatusText(AdrLifecycle.Superseded, newer.Number);
        yours.SupersededBy = newer.Number;
        var newerBefore = HistoryFields.Of(newer);
        newer.Supersedes = number;
        newer.RowVersion++;
        recorder.Record(actor, HistoryRecordType.DecisionRecord, newer.Id, await PhaseNumberAsync(newer.PhaseId, cancellationToken),
            HistoryFields.LabelOf(newer), HistoryAction.Changed, newerBefore, HistoryFields.Of(newer));
        return await SaveAsync(actor, record, rowVersion, yours, cancellationToken);
    }

    /// <summary>
    /// Deletes <paramref name="record"/> (tracked) with a history entry that keeps what it said: a soft
    /// delete, so the history can restore it, and its number is never handed out again. A record another
    /// one names in a supersession stays: the link would point at nothing.
    /// </summary>
    public async Task<EditResult<DecisionRecord>> DeleteAsync(Actor actor, DecisionRecord record, int rowVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (rowVersion != record.RowVersion)
        {
            return EditResult.Conflict<DecisionRecord>(record, record);
        }

        var number = record.Number;
        var linked = await db.DecisionRecords.AsNoTracking()
            .Where(d => d.Number != number && (d.Supersedes == number || d.SupersededBy == number))
            .OrderBy(d => d.Number)
            .Select(d => d.Number)
            .FirstOrDefaultAsync(cancellationToken);
        if (linked != 0)
        {
            return EditResult.Refused<DecisionRecord>(
                $"{Values.AdrName(linked)} names {Values.AdrName(number)} in a supersession; change that record first, so that no link points at a deleted record.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        recorder.Record(actor, HistoryRecordType.DecisionRecord, record.Id, await PhaseNumberAsync(record.PhaseId, cancellationToken),
            HistoryFields.LabelOf(record), HistoryAction.Deleted, HistoryFields.Of(record), HistoryFields.None);
        record.DeletedAtUtc = clock.GetUtcNow().UtcDateTime;
        record.RowVersion++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var stored = await db.DecisionRecords.AsNoTracking().SingleOrDefaultAsync(d => d.Id == record.Id, cancellationToken);
            return stored is null ? EditResult.Missing<DecisionRecord>() : EditResult.Conflict<DecisionRecord>(stored, record);
        }

        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EditResult.Saved<DecisionRecord>(record);
    }

    /// <summary>
    /// Undoes the delete of <paramref name="record"/> (tracked, read past the query filter): it is back on
    /// the pages and in the export as it was, with a history entry. Its number was never handed out again.
    /// </summary>
    public async Task RestoreAsync(Actor actor, DecisionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        record.DeletedAtUtc = null;
        record.RowVersion++;
        recorder.Record(actor, HistoryRecordType.DecisionRecord, record.Id, await PhaseNumberAsync(record.PhaseId, cancellationToken),
            HistoryFields.LabelOf(record), HistoryAction.Restored, HistoryFields.None, HistoryFields.Of(record));
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Saves <paramref name="yours"/> over <paramref name="record"/> (with whatever else the context already
    /// holds, such as the other side of a supersession) in one transaction: the version check, the history
    /// entry, the data version. A save that changes no value writes nothing.
    /// </summary>
    private async Task<EditResult<DecisionRecord>> SaveAsync(Actor actor, DecisionRecord record, int rowVersion, DecisionRecord yours, CancellationToken cancellationToken)
    {
        if (rowVersion != record.RowVersion)
        {
            return EditResult.Conflict<DecisionRecord>(record, yours);
        }

        var before = HistoryFields.Of(record);
        if (JsonColumn.Serialize(Copy(record)) == JsonColumn.Serialize(yours))
        {
            return EditResult.Unchanged<DecisionRecord>(record);
        }

        Put(yours, record);
        record.RowVersion++;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        recorder.Record(actor, HistoryRecordType.DecisionRecord, record.Id, await PhaseNumberAsync(record.PhaseId, cancellationToken),
            HistoryFields.LabelOf(record), HistoryAction.Changed, before, HistoryFields.Of(record));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var stored = await db.DecisionRecords.AsNoTracking().SingleOrDefaultAsync(d => d.Id == record.Id, cancellationToken);
            return stored is null ? EditResult.Missing<DecisionRecord>() : EditResult.Conflict<DecisionRecord>(stored, yours);
        }

        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EditResult.Saved<DecisionRecord>(record);
    }

    /// <summary>The values a lead edits, copied: what "yours" is compared and shown with.</summary>
    public static DecisionRecord Copy(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new()
        {
            Number = record.Number,
            Title = record.Title,
            Date = record.Date,
            Status = record.Status,
            Context = [.. record.Context],
            Decision = [.. record.Decision],
            Consequences = [.. record.Consequences],
            Alternatives = [.. record.Alternatives],
            Supersedes = record.Supersedes,
            SupersededBy = record.SupersededBy,
        };
    }

    private static void Put(DecisionRecord from, DecisionRecord to)
    {
        to.Title = from.Title;
        to.Date = from.Date;
        to.Status = from.Status;
        to.Context = from.Context;
        to.Decision = from.Decision;
        to.Consequences = from.Consequences;
        to.Alternatives = from.Alternatives;
        to.Supersedes = from.Supersedes;
        to.SupersededBy = from.SupersededBy;
    }

    /// <summary>
    /// The next ADR number, never handed out twice: past every record in the database and every number
    /// the history has recorded ("ADR-007: ..."), so the number of a removed record stays taken.
    /// </summary>
    public async Task<int> NextNumberAsync(CancellationToken cancellationToken)
    {
        var highest = await db.DecisionRecords.IgnoreQueryFilters().MaxAsync(d => (int?)d.Number, cancellationToken) ?? 0;
        var labels = await db.HistoryEntries.AsNoTracking()
            .Where(h => h.RecordType == HistoryRecordType.DecisionRecord)
            .Select(h => h.RecordLabel)
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var label in labels)
        {
            if (label.StartsWith("ADR-", StringComparison.OrdinalIgnoreCase))
            {
                var digits = label.AsSpan(4);
                var length = 0;
                while (length < digits.Length && length < 9 && char.IsAsciiDigit(digits[length]))
                {
                    length++;
                }

                if (length > 0 && int.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var recorded))
                {
                    highest = Math.Max(highest, recorded);
                }
            }
        }

        return highest + 1;
    }

    /// <summary>Today, written as the phase's document writes its dates.</summary>
    public async Task<string> TodayLikeAsync(int phaseId, CancellationToken cancellationToken)
    {
        var dates = await db.DecisionRecords.AsNoTracking()
            .Where(d => d.PhaseId == phaseId && d.Date != null)
            .OrderByDescending(d => d.Number)
            .Select(d => d.Date)
            .Take(5)
            .ToListAsync(cancellationToken);
        var lastUpdated = await db.Phases.AsNoTracking().Where(p => p.Id == phaseId).Select(p => p.LastUpdated).SingleOrDefaultAsync(cancellationToken);
        var today = workspace.Today(await workspace.GetAsync(cancellationToken));
        return AdrForm.DateLike([.. dates, lastUpdated], today);
    }

    /// <summary>The phase a number names (null: the current one), or null when there is none.</summary>
    public async Task<(int Id, int Number)?> PhaseAsync(int? number, CancellationToken cancellationToken)
    {
        var found = await db.Phases.AsNoTracking().NumberedOrCurrent(number)
            .Select(p => new { p.Id, p.Number })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Number);
    }

    public Task<int> PhaseNumberAsync(int phaseId, CancellationToken cancellationToken) =>
        db.Phases.AsNoTracking().Where(p => p.Id == phaseId).Select(p => p.Number).SingleAsync(cancellationToken);
}
