using System.Data.Common;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Infrastructure.Observability;

namespace PhaseTracker.Web.Features.Import;

/// <summary>
/// Imports a tracking document: the document is the truth of its phase. All of it applies in one
/// transaction, or nothing does. Rows are matched by their numbers and updated in place, so importing
/// the same document twice changes nothing the second time. Rows are compared in memory and written
/// in batches (<see cref="RowBatch{T}"/>): a 10,000-item document is tens of thousands of rows.
/// </summary>
public sealed class ImportService(PhaseTrackerDbContext db, TimeProvider clock, ILogger<ImportService> logger, PhaseTrackerMetrics metrics)
{
    public async Task<ImportResult> ImportAsync(byte[] document, bool dryRun, CancellationToken cancellationToken = default)
    {
        var result = await ImportOrRejectAsync(document, dryRun, cancellationToken);
        if (!dryRun)
        {
            metrics.Imported(result.Accepted);
        }

        return result;
    }

    private async Task<ImportResult> ImportOrRejectAsync(byte[] document, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var read = TrackingDocumentReader.Read(document);
        if (!read.Accepted)
        {
            return ImportResult.Rejected(read.Rejection!, read.Text);
        }

        try
        {
            var summary = await ApplyAsync(read, dryRun, cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Headline}", summary.Headline);
            }

            return ImportResult.Applied(summary, read.Text);
        }
        catch (DbException ex)
        {
            return ImportResult.Rejected(new DocumentRejection(0, $"The database refused the import: {ex.Message.TrimEnd('.')}."), read.Text);
        }
    }

    private async Task<ImportSummary> ApplyAsync(ReadResult read, bool dryRun, CancellationToken cancellationToken)
    {
        var incoming = read.Phase!;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in incoming.Items)
        {
            item.RefreshSearchText();
        }

        incoming.SourceText = read.Text;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Phases.AsNoTracking().SingleOrDefaultAsync(p => p.Number == incoming.Number, cancellationToken);

        int phaseId;
        if (stored is null)
        {
            incoming.ImportedAtUtc = now;
            incoming.MadeCurrentAtUtc = now;
            await new RowBatch<Phase>(db).InsertAsync([incoming], cancellationToken);
            phaseId = await db.Phases.Where(p => p.Number == incoming.Number).Select(p => p.Id).SingleAsync(cancellationToken);
        }
        else
        {
            phaseId = stored.Id;
        }

        var isNew = stored is null;
        var itemChanges = await MergeItemsAsync(phaseId, incoming.Items, isNew, cancellationToken);
        var partsReplaced = await ReplaceWhenChangedAsync(db.MatrixRows.Where(r => r.PhaseId == phaseId), incoming.MatrixRows, phaseId, isNew, r => r.Ordinal, cancellationToken);
        partsReplaced |= await ReplaceWhenChangedAsync(db.RoadmapWeeks.Where(w => w.PhaseId == phaseId), incoming.RoadmapWeeks, phaseId, isNew, w => w.Line, cancellationToken);
        partsReplaced |= await ReplaceWhenChangedAsync(db.RelatedDocuments.Where(d => d.PhaseId == phaseId), incoming.RelatedDocuments, phaseId, isNew, d => d.Ordinal, cancellationToken);
        partsReplaced |= await ReplaceWhenChangedAsync(db.DocumentWarnings.Where(w => w.PhaseId == phaseId), incoming.Warnings, phaseId, isNew, w => (w.Line, w.Kind, w.Message), cancellationToken);
        var recordChanges = await MergeDecisionRecordsAsync(phaseId, read.DecisionRecords, cancellationToken);

        var changed = isNew || itemChanges.Changed || partsReplaced || recordChanges.Changed;
        var madeCurrent = true;
        if (stored is not null)
        {
            (changed, madeCurrent) = await UpdatePhaseAsync(stored, incoming, changed, now, cancellationToken);
        }

        if (changed || madeCurrent)
        {
            await db.BumpDataVersionAsync(cancellationToken);
        }

        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new ImportSummary(incoming.Number, incoming.Title, isNew, changed, madeCurrent, dryRun, itemChanges, recordChanges, read.Warnings);
    }

    private async Task<ChangeCounts> MergeItemsAsync(int phaseId, List<DeferredItem> incoming, bool isNew, CancellationToken cancellationToken)
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
            return new ChangeCounts(incoming.Count, 0, 0, 0);
        }

        var stored = await db.DeferredItems.AsNoTracking()
            .Where(i => i.PhaseId == phaseId)
            .ToDictionaryAsync(i => i.Number, cancellationToken);
        var (added, updated, unchanged) = Match(incoming, stored, i => i.Number, (item, existing) => item.Id = existing.Id);
        await batch.DeleteAsync(stored.Values, cancellationToken);
        await batch.UpdateAsync(updated, cancellationToken);
        await batch.InsertAsync(added, cancellationToken);
        return new ChangeCounts(added.Count, updated.Count, stored.Count, unchanged);
    }

    private async Task<ChangeCounts> MergeDecisionRecordsAsync(int phaseId, List<DecisionRecord> incoming, CancellationToken cancellationToken)
    {
        foreach (var record in incoming)
        {
            record.PhaseId = phaseId;
        }

        // Records are matched by number across phases: a document may carry a record forward.
        var numbers = incoming.Select(r => r.Number).ToList();
        var stored = await db.DecisionRecords.AsNoTracking()
            .Where(d => d.PhaseId == phaseId || numbers.Contains(d.Number))
            .ToDictionaryAsync(d => d.Number, cancellationToken);
        var (added, updated, unchanged) = Match(incoming, stored, r => r.Number, (record, existing) => record.Id = existing.Id);

        // What is left belongs to this phase, and its document no longer has it.
        var batch = new RowBatch<DecisionRecord>(db);
        await batch.DeleteAsync(stored.Values, cancellationToken);
        await batch.UpdateAsync(updated, cancellationToken);
        await batch.InsertAsync(added, cancellationToken);
        return new ChangeCounts(added.Count, updated.Count, stored.Count, unchanged);
    }

    /// <summary>
    /// Pairs the document's rows with the stored ones by number. A pair whose values differ is updated
    /// in place (the row keeps its id). The stored rows left in <paramref name="stored"/> are the ones
    /// the document no longer has.
    /// </summary>
    private (List<T> Added, List<T> Updated, int Unchanged) Match<T>(
        List<T> incoming, Dictionary<int, T> stored, Func<T, int> number, Action<T, T> takeId)
        where T : class
    {
        var values = new EntityValues<T>(db);
        List<T> added = [];
        List<T> updated = [];
        var unchanged = 0;
        foreach (var row in incoming)
        {
            if (!stored.Remove(number(row), out var existing))
            {
                added.Add(row);
            }
            else if (values.AreEqual(existing, row))
            {
                unchanged++;
            }
            else
            {
                takeId(row, existing);
                updated.Add(row);
            }
        }

        return (added, updated, unchanged);
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
            if (new EntityValues<T>(db).AreEqual([.. stored.OrderBy(order)], [.. incoming.OrderBy(order)]))
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
        Phase stored, Phase incoming, bool partsChanged, DateTime now, CancellationToken cancellationToken)
    {
        incoming.Id = stored.Id;
        incoming.ImportedAtUtc = stored.ImportedAtUtc;
        incoming.MadeCurrentAtUtc = stored.MadeCurrentAtUtc;
        var changed = partsChanged || !new EntityValues<Phase>(db).AreEqual(stored, incoming);
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
        }

        incoming.MadeCurrentAtUtc = now;
        await new RowBatch<Phase>(db).UpdateAsync([incoming], cancellationToken);
        return (changed, true);
    }
}
