using System.Data.Common;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Settings;
using PhaseTracker.Web.Infrastructure.Observability;

namespace PhaseTracker.Web.Features.Import;

/// <summary>
/// Imports a tracking document: the document is the truth of its phase. All of it applies in one
/// transaction, or nothing does. Rows are matched by their numbers and updated in place, so importing
/// the same document twice changes nothing the second time. Rows are compared in memory and written
/// in batches (<see cref="RowBatch{T}"/>): a 10,000-item document is tens of thousands of rows.
/// Items the document no longer has are marked deleted, not deleted; each record the import creates,
/// changes, removes or restores gets one history entry, written in a batch in the same transaction.
/// </summary>
public sealed class ImportService(PhaseTrackerDbContext db, TimeProvider clock, ILogger<ImportService> logger, PhaseTrackerMetrics metrics, Workspace workspace)
{
    public Task<ImportResult> ImportAsync(byte[] document, bool dryRun, CancellationToken cancellationToken = default) =>
        ImportAsync(document, dryRun, actor: null, fileName: null, cancellationToken);

    /// <param name="document">The document's bytes.</param>
    /// <param name="dryRun">Work out what would change, then roll it back and record no history.</param>
    /// <param name="actor">Who imports and through what, for the history; by default the command line,
    /// via the import of <paramref name="fileName"/>.</param>
    /// <param name="fileName">The document's file name, for the default actor ("import of PHASE2_TRACKING.md").</param>
    /// <param name="cancellationToken">Cancels the import; nothing is changed then.</param>
    public Task<ImportResult> ImportAsync(
        byte[] document, bool dryRun, Actor? actor, string? fileName = null, CancellationToken cancellationToken = default) =>
        ImportAsync(document, new ImportOptions { DryRun = dryRun, Actor = actor, FileName = fileName }, cancellationToken);

    /// <summary>Imports with the merge's conflict resolution, the removal option and, for a preview, the export's diff.</summary>
    public async Task<ImportResult> ImportAsync(byte[] document, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = await ImportOrRejectAsync(document, options, options.Actor ?? Actor.Import(Actor.CommandLineName, options.FileName), cancellationToken);
        if (!options.DryRun)
        {
            metrics.Imported(result.Accepted && result.Summary?.Blocked != true);
        }

        return result;
    }

    private async Task<ImportResult> ImportOrRejectAsync(byte[] document, ImportOptions options, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ReadResult? read = null;
        try
        {
            // The overview's "N developer-days" is checked against the items at the workspace's hours per day.
            var hoursPerDay = (await workspace.GetAsync(cancellationToken)).HoursPerDay;
            read = TrackingDocumentReader.Read(document, hoursPerDay);
            if (!read.Accepted)
            {
                return ImportResult.Rejected(read.Rejection!, read.Text);
            }

            var summary = await ApplyAsync(read, options, actor, hoursPerDay, cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Headline}", summary.Headline);
            }

            return ImportResult.Applied(summary, read.Text);
        }
        catch (DbException ex)
        {
            return ImportResult.Rejected(new DocumentRejection(0, $"The database refused the import: {ex.Message.TrimEnd('.')}."), read?.Text ?? "");
        }
    }

    private async Task<ImportSummary> ApplyAsync(ReadResult read, ImportOptions options, Actor actor, double hoursPerDay, CancellationToken cancellationToken)
    {
        var dryRun = options.DryRun;
        var incoming = read.Phase!;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in incoming.Items)
        {
            item.RefreshSearchText();
        }

        incoming.SourceText = read.Text;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Phases.AsNoTracking().SingleOrDefaultAsync(p => p.Number == incoming.Number, cancellationToken);
        var history = new ImportHistory(actor, now, incoming.Number);
        var exportBefore = options.WithDiff && stored is not null ? await PhaseExport.WriteAsync(db, stored.Id, hoursPerDay, cancellationToken) : "";
        var conflicts = stored is null ? [] : await MergeWithDatabaseAsync(stored, read, options, cancellationToken);

        int phaseId;
        if (stored is null)
        {
            incoming.ImportedAtUtc = now;
            incoming.MadeCurrentAtUtc = now;
            await new RowBatch<Phase>(db).InsertAsync([incoming], cancellationToken);
            phaseId = await db.Phases.Where(p => p.Number == incoming.Number).Select(p => p.Id).SingleAsync(cancellationToken);
            history.Add(HistoryRecordType.Phase, phaseId, HistoryFields.LabelOf(incoming), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(incoming));
        }
        else
        {
            phaseId = stored.Id;
        }

        var isNew = stored is null;
        var itemChanges = await MergeItemsAsync(phaseId, incoming.Items, isNew, options.Missing != MissingRecords.Keep, history, cancellationToken);
        var partsReplaced = await ReplaceWhenChangedAsync(db.MatrixRows.Where(r => r.PhaseId == phaseId), incoming.MatrixRows, phaseId, isNew, r => r.Ordinal, cancellationToken);
        var weekChanges = await MergeWeeksAsync(phaseId, incoming.RoadmapWeeks, isNew, history, cancellationToken);
        partsReplaced |= weekChanges.Changed;
        partsReplaced |= await ReplaceWhenChangedAsync(db.RelatedDocuments.Where(d => d.PhaseId == phaseId), incoming.RelatedDocuments, phaseId, isNew, d => d.Ordinal, cancellationToken);
        partsReplaced |= await ReplaceWhenChangedAsync(db.DocumentWarnings.Where(w => w.PhaseId == phaseId), incoming.Warnings, phaseId, isNew, w => (w.Line, w.Kind, w.Message), cancellationToken);
        var recordChanges = await MergeDecisionRecordsAsync(phaseId, read.DecisionRecords, options.Missing != MissingRecords.Keep, history, cancellationToken);

        var changed = isNew || itemChanges.Changed || partsReplaced || recordChanges.Changed || history.RowsMoved;
        var madeCurrent = true;
        if (stored is not null)
        {
            (changed, madeCurrent) = await UpdatePhaseAsync(stored, incoming, changed, now, history, cancellationToken);
        }

        // Conflicts nobody resolved stop the import: nothing changes (rule 8).
        var blocked = conflicts.Any(c => c.Resolution is null);
        var rollBack = dryRun || blocked;

        // A dry run rolls everything back; its history would be rolled back with it, so it is not written.
        if (!rollBack)
        {
            await new RowBatch<HistoryEntry>(db).InsertAsync(history.Entries, cancellationToken);
        }

        if (changed || madeCurrent)
        {
            await db.BumpDataVersionAsync(cancellationToken);
        }

        var diff = options.WithDiff
            ? LineDiff.Unified(exportBefore, await PhaseExport.WriteAsync(db, phaseId, hoursPerDay, cancellationToken), "today's export", "export after the import")
            : null;
        if (rollBack)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new ImportSummary(incoming.Number, incoming.Title, isNew, changed, madeCurrent, dryRun, itemChanges, recordChanges, read.Warnings)
        {
            RoadmapWeeks = weekChanges,
            Conflicts = conflicts,
            Changes = history.Entries,
            Kept = history.Kept,
            Diff = diff,
        };
    }

    /// <summary>
    /// Items are matched by number within the phase, deleted ones included: an item the document has
    /// again comes back (same id) instead of colliding with its deleted self on (PhaseId, Number). Items
    /// the document no longer has are marked deleted and kept, so the history can undo the removal.
    /// </summary>
    /// <returns>The counts; a restored item counts as added, as it is added back to the phase.</returns>
    private async Task<ChangeCounts> MergeItemsAsync(
        int phaseId, List<DeferredItem> incoming, bool isNew, bool removeMissing, ImportHistory history, CancellationToken cancellationToken)
    {
        foreach (var item in incoming)
        {
            item.Phase = null;
            item.PhaseId = phaseId;
        }

        var batch = new RowBatch<DeferredItem>(db);
        if (isNew)
        {
            await batch.InsertAsync(incoming, cancellationToken);
            await RecordCreatedItemsAsync(phaseId, incoming, history, cancellationToken);
            return new ChangeCounts(incoming.Count, 0, 0, 0);
        }

        var stored = await db.DeferredItems.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.PhaseId == phaseId)
            .ToDictionaryAsync(i => i.Number, cancellationToken);

        // The document knows nothing of these: they stay as the database has them.
        var values = new EntityValues<DeferredItem>(db, nameof(DeferredItem.RowVersion), nameof(DeferredItem.DeletedAtUtc), nameof(DeferredItem.Deferrals));
        List<DeferredItem> added = [];
        List<DeferredItem> updated = [];
        var tally = new MatchTally();
        foreach (var item in incoming)
        {
            if (!stored.Remove(item.Number, out var existing))
            {
                added.Add(item);
                continue;
            }

            var wasDeleted = existing.DeletedAtUtc is not null;
            if (!wasDeleted && values.AreEqual(existing, item))
            {
                tally.Unchanged++;
                continue;
            }

            item.Id = existing.Id;
            item.Deferrals = existing.Deferrals;
            var entry = history.Add(
                HistoryRecordType.Item, item.Id, HistoryFields.LabelOf(item), wasDeleted ? HistoryAction.Restored : HistoryAction.Changed,
                HistoryFields.Of(existing), HistoryFields.Of(item));

            // A form opened before the import then meets the conflict page instead of overwriting the
            // import. A move of the item's lines alone (its Line, its Source) changes no value a form shows.
            item.RowVersion = existing.RowVersion + (entry is null ? 0 : 1);
            updated.Add(item);
            tally.Count(wasDeleted, entry);
        }

        List<DeferredItem> removed = [.. stored.Values.Where(i => i.DeletedAtUtc is null)];
        if (!removeMissing)
        {
            history.Kept.AddRange(removed.Select(HistoryFields.LabelOf));
            removed.Clear();
        }

        foreach (var item in removed)
        {
            item.DeletedAtUtc = history.AtUtc;
            item.RowVersion++;
            history.Add(HistoryRecordType.Item, item.Id, HistoryFields.LabelOf(item), HistoryAction.Deleted, HistoryFields.None, HistoryFields.None);
        }

        await batch.UpdateAsync(removed, cancellationToken);
        await batch.UpdateAsync(updated, cancellationToken);
        await batch.InsertAsync(added, cancellationToken);
        await RecordCreatedItemsAsync(phaseId, added, history, cancellationToken);
        return tally.Counts(added.Count, updated.Count, removed.Count, history);
    }

    /// <summary>Records the creation of items just inserted, whose ids the batch does not read back.</summary>
    private async Task RecordCreatedItemsAsync(int phaseId, List<DeferredItem> created, ImportHistory history, CancellationToken cancellationToken)
    {
        if (created.Count == 0)
        {
            return;
        }

        var ids = await db.DeferredItems.Where(i => i.PhaseId == phaseId)
            .Select(i => new { i.Number, i.Id })
            .ToDictionaryAsync(i => i.Number, i => i.Id, cancellationToken);
        foreach (var item in created)
        {
            item.Id = ids[item.Number];
            history.Add(HistoryRecordType.Item, item.Id, HistoryFields.LabelOf(item), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(item));
        }
    }

    /// <summary>
    /// Records are matched by number, deleted ones included (as items are): a record the document has
    /// again comes back with its id, and records the document no longer has are marked deleted and kept.
    /// </summary>
    /// <returns>The counts; a restored record counts as added.</returns>
    private async Task<ChangeCounts> MergeDecisionRecordsAsync(
        int phaseId, List<DecisionRecord> incoming, bool removeMissing, ImportHistory history, CancellationToken cancellationToken)
    {
        foreach (var record in incoming)
        {
            record.PhaseId = phaseId;
        }

        // Records are matched by number across phases: a document may carry a record forward.
        var numbers = incoming.Select(r => r.Number).ToList();
        var stored = await db.DecisionRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.PhaseId == phaseId || numbers.Contains(d.Number))
            .ToDictionaryAsync(d => d.Number, cancellationToken);
        var values = new EntityValues<DecisionRecord>(db, nameof(DecisionRecord.RowVersion), nameof(DecisionRecord.DeletedAtUtc));
        List<DecisionRecord> added = [];
        List<DecisionRecord> updated = [];
        var tally = new MatchTally();
        foreach (var record in incoming)
        {
            if (!stored.Remove(record.Number, out var existing))
            {
                added.Add(record);
                continue;
            }

            var wasDeleted = existing.DeletedAtUtc is not null;
            if (!wasDeleted && values.AreEqual(existing, record))
            {
                tally.Unchanged++;
                continue;
            }

            record.Id = existing.Id;
            var entry = history.Add(
                HistoryRecordType.DecisionRecord, record.Id, HistoryFields.LabelOf(record), wasDeleted ? HistoryAction.Restored : HistoryAction.Changed,
                HistoryFields.Of(existing), HistoryFields.Of(record));
            record.RowVersion = existing.RowVersion + (entry is null ? 0 : 1);
            updated.Add(record);
            tally.Count(wasDeleted, entry);
        }

        // What is left belongs to this phase, and its document no longer has it.
        List<DecisionRecord> removed = [.. stored.Values.Where(d => d.DeletedAtUtc is null)];
        if (!removeMissing)
        {
            history.Kept.AddRange(removed.Select(HistoryFields.LabelOf));
            removed.Clear();
        }

        foreach (var record in removed)
        {
            record.DeletedAtUtc = history.AtUtc;
            record.RowVersion++;
            history.Add(HistoryRecordType.DecisionRecord, record.Id, HistoryFields.LabelOf(record), HistoryAction.Deleted, HistoryFields.None, HistoryFields.None);
        }

        var batch = new RowBatch<DecisionRecord>(db);
        await batch.UpdateAsync(removed, cancellationToken);
        await batch.UpdateAsync(updated, cancellationToken);
        await batch.InsertAsync(added, cancellationToken);
        if (added.Count > 0)
        {
            var addedNumbers = added.Select(r => r.Number).ToList();
            var ids = await db.DecisionRecords.Where(d => addedNumbers.Contains(d.Number))
                .Select(d => new { d.Number, d.Id })
                .ToDictionaryAsync(d => d.Number, d => d.Id, cancellationToken);
            foreach (var record in added)
            {
                record.Id = ids[record.Number];
                history.Add(HistoryRecordType.DecisionRecord, record.Id, HistoryFields.LabelOf(record), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(record));
            }
        }

        return tally.Counts(added.Count, updated.Count, removed.Count, history);
    }

    /// <summary>
    /// Replaces the phase's rows of one kind by the document's, unless they hold the same values
    /// already (then the rows and their ids stay).
    /// </summary>
    private async Task<bool> ReplaceWhenChangedAsync<T, TKey>(
        IQueryable<T> storedRows, List<T> incoming, int phaseId, bool isNew, Func<T, TKey> order, CancellationToken cancellationToken)
        where T : class
    {
        var phaseIdProperty = db.Model.FindEntityType(typeof(T))!.FindProperty("PhaseId")!.PropertyInfo!;
        foreach (var row in incoming)
        {
            phaseIdProperty.SetValue(row, phaseId);
        }

        var batch = new RowBatch<T>(db);
        if (!isNew)
        {
            var stored = await storedRows.AsNoTracking().ToListAsync(cancellationToken);
            if (new EntityValues<T>(db, nameof(RoadmapWeek.RowVersion)).AreEqual([.. stored.OrderBy(order)], [.. incoming.OrderBy(order)]))
            {
                return false;
            }

            await batch.DeleteAsync(stored, cancellationToken);
        }

        await batch.InsertAsync(incoming, cancellationToken);
        return true;
    }

    /// <returns>Whether anything changed, and whether the phase became current.</returns>
    private async Task<(bool Changed, bool MadeCurrent)> UpdatePhaseAsync(
        Phase stored, Phase incoming, bool partsChanged, DateTime now, ImportHistory history, CancellationToken cancellationToken)
    {
        incoming.Id = stored.Id;
        incoming.ImportedAtUtc = stored.ImportedAtUtc;
        incoming.MadeCurrentAtUtc = stored.MadeCurrentAtUtc;
        incoming.RowVersion = stored.RowVersion;
        var changed = partsChanged || !new EntityValues<Phase>(db, nameof(Phase.RowVersion)).AreEqual(stored, incoming);
        var isCurrent = stored.MadeCurrentAtUtc is { } madeCurrentAt
            && !await db.Phases.AnyAsync(p => p.Id != stored.Id && p.MadeCurrentAtUtc > madeCurrentAt, cancellationToken);
        if (!changed && isCurrent)
        {
            return (false, false);
        }

        // Content that changed is imported now; the same document again, while another phase was
        // current, only makes its phase current again.
        if (changed)
        {
            incoming.ImportedAtUtc = now;
            if (history.Add(HistoryRecordType.Phase, stored.Id, HistoryFields.LabelOf(incoming), HistoryAction.Changed, HistoryFields.Of(stored), HistoryFields.Of(incoming)) is not null)
            {
                incoming.RowVersion++;
            }
        }

        incoming.MadeCurrentAtUtc = now;
        await new RowBatch<Phase>(db).UpdateAsync([incoming], cancellationToken);
        return (changed, true);
    }

    /// <summary>
    /// Merges the database's changes since the phase's base text into the document's records (rule 8).
    /// Without a base (a phase imported before the base was kept) the document is the truth, as before.
    /// </summary>
    private async Task<List<MergeConflict>> MergeWithDatabaseAsync(Phase stored, ReadResult read, ImportOptions options, CancellationToken cancellationToken)
    {
        if (stored.SourceText is not { } baseText)
        {
            return [];
        }

        // The same text as the base needs no second reading: the merge reads the base's values before it changes any.
        var baseRead = baseText == read.Text ? read : TrackingDocumentReader.Read(baseText);
        if (!baseRead.Accepted)
        {
            return [];
        }

        var incoming = read.Phase!;
        var baseDecisionRecords = baseRead == read ? [.. read.DecisionRecords] : baseRead.DecisionRecords;
        var merge = new ThreeWayMerge(options.Resolution)
        {
            KeepDatabaseAdditions = options.Missing != MissingRecords.Remove,
            DocumentRemovesRecords = options.Missing != MissingRecords.Keep,
        };
        merge.MergePhase(baseRead.Phase!, stored, incoming);
        merge.MergeItems(
            baseRead == read ? [.. incoming.Items] : baseRead.Phase!.Items,
            await db.DeferredItems.AsNoTracking().Where(i => i.PhaseId == stored.Id).ToListAsync(cancellationToken),
            incoming.Items);
        merge.MergeRoadmapWeeks(
            baseRead == read ? [.. incoming.RoadmapWeeks] : baseRead.Phase!.RoadmapWeeks,
            await db.RoadmapWeeks.AsNoTracking().Where(w => w.PhaseId == stored.Id).ToListAsync(cancellationToken),
            incoming.RoadmapWeeks);
        merge.MergeDecisionRecords(
            baseDecisionRecords,
            await db.DecisionRecords.AsNoTracking().Where(d => d.PhaseId == stored.Id).ToListAsync(cancellationToken),
            read.DecisionRecords);

        // Weeks the merge keeps from the database are matched to their rows again, by number, in MergeWeeksAsync.
        foreach (var week in incoming.RoadmapWeeks)
        {
            week.Id = 0;
        }

        foreach (var item in incoming.Items)
        {
            item.RefreshSearchText();
        }

        return merge.Conflicts;
    }

    /// <summary>
    /// Weeks are matched by number within the phase (the first "Week 2" with the first, the second with the
    /// second), deleted ones included: a matched week keeps its id and counts one more save when a value
    /// changed, so a week form opened before the import meets the conflict page instead of a missing
    /// week; the weeks the (merged) document no longer has are marked deleted, so the history can
    /// restore them. A new phase's weeks come with the phase's own history entry.
    /// </summary>
    /// <returns>The counts; a restored week counts as added.</returns>
    private async Task<ChangeCounts> MergeWeeksAsync(int phaseId, List<RoadmapWeek> incoming, bool isNew, ImportHistory history, CancellationToken cancellationToken)
    {
        foreach (var week in incoming)
        {
            week.Id = 0;
            week.PhaseId = phaseId;
        }

        var batch = new RowBatch<RoadmapWeek>(db);
        if (isNew)
        {
            await batch.InsertAsync(incoming, cancellationToken);
            return new ChangeCounts(incoming.Count, 0, 0, 0);
        }

        var stored = (await db.RoadmapWeeks.IgnoreQueryFilters().AsNoTracking().Where(w => w.PhaseId == phaseId).ToListAsync(cancellationToken))
            .OrderBy(w => w.DeletedAtUtc is not null).ThenBy(w => w.Line).ThenBy(w => w.Id)
            .GroupBy(w => w.Number)
            .ToDictionary(g => g.Key, g => new Queue<RoadmapWeek>(g));
        var values = new EntityValues<RoadmapWeek>(db, nameof(RoadmapWeek.RowVersion), nameof(RoadmapWeek.DeletedAtUtc));
        List<RoadmapWeek> added = [];
        List<RoadmapWeek> updated = [];
        var tally = new MatchTally();
        foreach (var week in incoming.OrderBy(w => w.Line))
        {
            if (!stored.TryGetValue(week.Number, out var candidates) || !candidates.TryDequeue(out var existing))
            {
                added.Add(week);
                continue;
            }

            var wasDeleted = existing.DeletedAtUtc is not null;
            if (!wasDeleted && values.AreEqual(existing, week))
            {
                tally.Unchanged++;
                continue;
            }

            week.Id = existing.Id;
            var entry = history.Add(
                HistoryRecordType.RoadmapWeek, week.Id, HistoryFields.LabelOf(week), wasDeleted ? HistoryAction.Restored : HistoryAction.Changed,
                HistoryFields.Of(existing), HistoryFields.Of(week));

            // A move of the week's lines alone (its Line, its Source) changes no value a form shows.
            week.RowVersion = existing.RowVersion + (entry is null ? 0 : 1);
            updated.Add(week);
            tally.Count(wasDeleted, entry);
        }

        List<RoadmapWeek> removed = [.. stored.Values.SelectMany(q => q).Where(w => w.DeletedAtUtc is null)];
        foreach (var week in removed)
        {
            week.DeletedAtUtc = history.AtUtc;
            week.RowVersion++;
            history.Add(HistoryRecordType.RoadmapWeek, week.Id, HistoryFields.LabelOf(week), HistoryAction.Deleted, HistoryFields.Of(week), HistoryFields.None);
        }

        await batch.UpdateAsync(removed, cancellationToken);
        await batch.UpdateAsync(updated, cancellationToken);
        await batch.InsertAsync(added, cancellationToken);
        if (added.Count > 0)
        {
            // The batch does not read ids back; the new weeks are the live rows no other week of the import holds.
            var known = updated.Select(w => w.Id).ToHashSet();
            var ids = await db.RoadmapWeeks.Where(w => w.PhaseId == phaseId).Select(w => new { w.Id, w.Line }).ToListAsync(cancellationToken);
            var idByLine = ids.Where(w => !known.Contains(w.Id)).GroupBy(w => w.Line).ToDictionary(g => g.Key, g => g.First().Id);
            foreach (var week in added)
            {
                week.Id = idByLine.GetValueOrDefault(week.Line);
                history.Add(HistoryRecordType.RoadmapWeek, week.Id, HistoryFields.LabelOf(week), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(week));
            }
        }

        return tally.Counts(added.Count, updated.Count, removed.Count, history);
    }

    /// <summary>
    /// What the merges of items, ADRs and weeks count besides their added, updated and removed rows: matched
    /// rows left as they were, deleted rows brought back (counted as added), and rows written again only
    /// because their lines moved (their Line, their Source; no history entry), counted as unchanged.
    /// </summary>
    private sealed class MatchTally
    {
        private int _restored;
        private int _moved;

        public int Unchanged { get; set; }

        /// <summary>A matched row written again: restored when it was deleted, moved when no field changed.</summary>
        public void Count(bool wasDeleted, HistoryEntry? entry)
        {
            _restored += wasDeleted ? 1 : 0;
            _moved += entry is null ? 1 : 0;
        }

        public ChangeCounts Counts(int added, int updated, int removed, ImportHistory history)
        {
            history.RowsMoved |= _moved > 0;
            return new ChangeCounts(added + _restored, updated - _restored - _moved, removed, Unchanged + _moved);
        }
    }

    /// <summary>The history entries of one import, written together in one batch once the rows they describe have their ids.</summary>
    private sealed class ImportHistory(Actor actor, DateTime atUtc, int phaseNumber)
    {
        public DateTime AtUtc { get; } = atUtc;

        public List<HistoryEntry> Entries { get; } = [];

        /// <summary>The records the database has and the document does not, kept because removal was not asked for.</summary>
        public List<string> Kept { get; } = [];

        /// <summary>Rows written again because their lines moved, though no value changed: the import still changes the database.</summary>
        public bool RowsMoved { get; set; }

        /// <returns>The entry, or null where no field changed.</returns>
        public HistoryEntry? Add(
            HistoryRecordType type,
            int recordId,
            string label,
            HistoryAction action,
            IReadOnlyList<KeyValuePair<string, string?>> before,
            IReadOnlyList<KeyValuePair<string, string?>> after)
        {
            var entry = HistoryRecorder.Describe(actor, AtUtc, type, recordId, phaseNumber, label, action, before, after);
            if (entry is not null)
            {
                Entries.Add(entry);
            }

            return entry;
        }
    }
}
