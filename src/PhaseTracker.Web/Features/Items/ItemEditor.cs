using System.ComponentModel.DataAnnotations;

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Settings;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Items;

public enum ItemSaveOutcome
{
    /// <summary>The change is saved, with its history entry and a new data version.</summary>
    Saved,

    /// <summary>No value changed, so nothing was written.</summary>
    Unchanged,

    /// <summary>Another save got there first; <see cref="ItemSave.Item"/> is the item as stored now (null when it is gone).</summary>
    Conflict,
}

/// <summary>What a save did: the saved item, or the stored one beside the caller's values (<see cref="ItemSave.Yours"/>) on a conflict.</summary>
public sealed record ItemSave(ItemSaveOutcome Outcome, DeferredItem? Item, IReadOnlyList<KeyValuePair<string, string?>> Yours);

/// <summary>
/// The rules of changing an item, shared by the forms and the API: what is valid, how a new item is
/// numbered, how deferring and completing change it, and how a change is saved (nothing written when no
/// value changed; else the item with a new row version, its history entry and the data version, in one
/// transaction). Whether the caller worked on the current version is the caller's check (a form's hidden
/// field, the API's If-Match); a save that races another still ends as <see cref="ItemSaveOutcome.Conflict"/>.
/// </summary>
public sealed class ItemEditor(PhaseTrackerDbContext db, HistoryRecorder recorder, Workspace workspace, TimeProvider clock)
{
    public const int ReasonMaxLength = 1000;

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken) =>
        workspace.Today(await workspace.GetAsync(cancellationToken));

    /// <summary>The item's own rules (effort, priority, impact, links, dates); the form's annotations too where <paramref name="annotations"/>.</summary>
    public async Task ValidateAsync(ItemForm form, DeferredItem? stored, ModelStateDictionary state, bool annotations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(state);
        if (annotations)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
            foreach (var result in results)
            {
                foreach (var member in result.MemberNames)
                {
                    state.AddModelError(member, result.ErrorMessage ?? "This value is not valid.");
                }
            }
        }

        form.Validate(state, stored, await TodayAsync(cancellationToken));
    }

    /// <summary>The completion's fields: the date (required, not in the future), the pull request.</summary>
    public async Task ValidateCompletionAsync(ItemForm form, DeferredItem stored, ModelStateDictionary state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(state);
        ItemForm.ValidateLinks(state, form, stored, await TodayAsync(cancellationToken));
        form.ValidateLines(state, stored);
        if (string.IsNullOrWhiteSpace(form.CompletedOn))
        {
            state.AddModelError(nameof(ItemForm.CompletedOn), "Enter the date the work was completed.");
        }
    }

    /// <summary>A reason is required, and only an open item moves to the next phase.</summary>
    public static void ValidateDeferral(DeferredItem item, string? reason, ModelStateDictionary state, bool annotations)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(state);
        if (annotations && string.IsNullOrWhiteSpace(reason))
        {
            state.AddModelError(nameof(DeferForm.Reason), "Give the reason the item moves to the next phase.");
        }
        else if (annotations && reason!.Length > ReasonMaxLength)
        {
            state.AddModelError(nameof(DeferForm.Reason), "Keep the reason to at most 1000 characters.");
        }
        else if (SingleLine.Breaks(reason))
        {
            // It becomes one entry of the item's "Why Deferred" list.
            state.AddModelError(nameof(DeferForm.Reason), SingleLine.Message);
        }

        if (item.IsComplete)
        {
            state.AddModelError(nameof(DeferForm.Reason), "A complete item cannot be deferred; only open items move to the next phase.");
        }
    }

    /// <summary>The completion date a completion form suggests: today, written as the phase's document writes dates.</summary>
    public async Task<string> SuggestedCompletionDateAsync(DeferredItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.CompletedOn ?? DocumentDates.Write(await TodayAsync(cancellationToken), await DateFormatAsync(item.Phase!, null, cancellationToken));
    }

    /// <summary>Adds a new item, numbered after every item the phase has had, with its history entry.</summary>
    public async Task<DeferredItem> CreateAsync(Phase phase, ItemForm form, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(form);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = new DeferredItem { PhaseId = phase.Id, Number = await NextNumberAsync(phase, cancellationToken) };
        form.ApplyTo(item);
        item.RefreshSearchText();
        db.DeferredItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        item.Phase = phase;
        recorder.Record(actor, HistoryRecordType.Item, item.Id, phase.Number, HistoryFields.LabelOf(item), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(item));
        await db.BumpDataVersionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return item;
    }

    public Task<ItemSave> UpdateAsync(DeferredItem item, ItemForm form, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return SaveAsync(item, HistoryAction.Changed, form.ApplyTo, actor, cancellationToken);
    }

    public Task<ItemSave> DeleteAsync(DeferredItem item, Actor actor, CancellationToken cancellationToken) =>
        SaveAsync(item, HistoryAction.Deleted, MarkDeleted, actor, cancellationToken);

    public Task<ItemSave> RestoreAsync(DeferredItem item, Actor actor, CancellationToken cancellationToken) =>
        SaveAsync(item, HistoryAction.Restored, i => i.DeletedAtUtc = null, actor, cancellationToken);

    public Task<ItemSave> CompleteAsync(DeferredItem item, ItemForm form, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return SaveAsync(item, HistoryAction.Completed, i => Complete(i, form), actor, cancellationToken);
    }

    /// <summary>Sets the deletion time (soft delete: the item can be restored).</summary>
    public void MarkDeleted(DeferredItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.DeletedAtUtc = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Marks the item complete with the completion form's fields.</summary>
    public static void Complete(DeferredItem item, ItemForm form)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(form);
        item.StatusEmoji = "✅";
        item.StatusLabel = "Complete";
        item.StatusNote = null;
        item.IsComplete = true;
        item.CompletedOn = ItemForm.Clean(form.CompletedOn);
        item.PullRequest = ItemForm.Clean(form.PullRequest);
        var changes = ItemForm.Entries(form.ChangesToPlan);
        if (!item.ChangesToPlan.SequenceEqual(changes))
        {
            item.ChangesToPlan = changes;
        }
    }

    /// <summary>
    /// Applies a change to a loaded (tracked) item and saves it; a change or completion that changes no
    /// value writes nothing, so the export stays byte-identical.
    /// </summary>
    public async Task<ItemSave> SaveAsync(DeferredItem item, HistoryAction action, Action<DeferredItem> apply, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(apply);
        var before = HistoryFields.Of(item);
        var deletedBefore = item.DeletedAtUtc;
        apply(item);
        if ((action is HistoryAction.Changed or HistoryAction.Completed) &&
            HistoryRecorder.Compare(before, HistoryFields.Of(item)).Count == 0 && deletedBefore == item.DeletedAtUtc)
        {
            db.ChangeTracker.Clear();
            return new ItemSave(ItemSaveOutcome.Unchanged, item, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return await CommitAsync(item, action, before, actor, transaction, cancellationToken);
    }

    /// <summary>
    /// Moves an open item to the next phase (made when it does not exist yet), numbered there after the
    /// others; the old phase's document loses its section and matrix row, the new one writes it afresh.
    /// </summary>
    public async Task<ItemSave> DeferAsync(DeferredItem item, string reason, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(reason);
        var from = item.Phase!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var to = await db.Phases.FirstOrDefaultAsync(p => p.Number == from.Number + 1, cancellationToken);
        if (to is null)
        {
            to = new Phase
            {
                Number = from.Number + 1,
                Title = $"Phase {from.Number + 1} Tracking — Deferred Items",
                Purpose = $"Track work deferred from Phase {from.Number} to Phase {from.Number + 1}.",
            };
            db.Phases.Add(to);
            await db.SaveChangesAsync(cancellationToken);
            recorder.Record(actor, HistoryRecordType.Phase, to.Id, to.Number, to.Title, HistoryAction.Created, HistoryFields.None, HistoryFields.Of(to));
        }

        var date = DocumentDates.Write(await TodayAsync(cancellationToken), await DateFormatAsync(to, from, cancellationToken));
        var number = await NextNumberAsync(to, cancellationToken);
        var before = HistoryFields.Of(item);
        var rows = await db.MatrixRows.Where(r => r.PhaseId == from.Id && r.ItemNumber == item.Number).ToListAsync(cancellationToken);
        db.MatrixRows.RemoveRange(rows);

        DeferInMemory(item, from.Number, reason.Trim(), date);
        item.PhaseId = to.Id;
        item.Phase = to;
        item.Number = number;
        item.Source = "";
        item.SourceFingerprint = "";
        item.Line = 0;
        return await CommitAsync(item, HistoryAction.Deferred, before, actor, transaction, cancellationToken);
    }

    /// <summary>Adds the deferral and its "why deferred" line; <paramref name="date"/> is empty where only shown, not saved.</summary>
    public static void DeferInMemory(DeferredItem item, int fromPhase, string reason, string date)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Deferrals = [.. item.Deferrals, new Deferral(fromPhase, fromPhase + 1, reason, date)];
        var when = date.Length > 0 ? $" on {date}" : "";
        item.WhyDeferred = [.. item.WhyDeferred, $"Deferred from Phase {fromPhase} to Phase {fromPhase + 1}{when}: {reason}"];
    }

    private async Task<ItemSave> CommitAsync(
        DeferredItem item, HistoryAction action, IReadOnlyList<KeyValuePair<string, string?>> before, Actor actor, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        item.RowVersion++;
        item.RefreshSearchText();
        recorder.Record(actor, HistoryRecordType.Item, item.Id, item.Phase?.Number, HistoryFields.LabelOf(item), action, before, HistoryFields.Of(item));
        try
        {
            await db.BumpDataVersionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ItemSave(ItemSaveOutcome.Saved, item, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            var yours = HistoryFields.Of(item);
            db.ChangeTracker.Clear();
            var stored = await db.DeferredItems.IgnoreQueryFilters().AsNoTracking().Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == item.Id, cancellationToken);
            return new ItemSave(ItemSaveOutcome.Conflict, stored, yours);
        }
    }

    /// <summary>The next number in the phase: past every item it has had, deleted ones and ones its document still places.</summary>
    private async Task<int> NextNumberAsync(Phase phase, CancellationToken cancellationToken)
    {
        var highest = await db.DeferredItems.IgnoreQueryFilters().Where(i => i.PhaseId == phase.Id).MaxAsync(i => (int?)i.Number, cancellationToken) ?? 0;
        var placed = phase.Layout.Where(s => s.Kind == SegmentKind.Item).Select(s => s.Number).DefaultIfEmpty(0).Max();
        return Math.Max(highest, placed) + 1;
    }

    /// <summary>The date format the documents already use: footer dates first, then completion dates, then decision records.</summary>
    private async Task<string> DateFormatAsync(Phase phase, Phase? fallback, CancellationToken cancellationToken)
    {
        var phaseIds = fallback is null ? new[] { phase.Id } : [phase.Id, fallback.Id];
        var completed = await db.DeferredItems.AsNoTracking()
            .Where(i => phaseIds.Contains(i.PhaseId) && i.CompletedOn != null)
            .OrderBy(i => i.PhaseId == phase.Id ? 0 : 1).Select(i => i.CompletedOn).Take(20).ToListAsync(cancellationToken);
        var decided = await db.DecisionRecords.AsNoTracking()
            .Where(d => phaseIds.Contains(d.PhaseId) && d.Date != null).Select(d => d.Date).Take(20).ToListAsync(cancellationToken);
        return DocumentDates.FormatOf(new[] { phase.LastUpdated, fallback?.LastUpdated }.Concat(completed).Concat(decided));
    }
}
