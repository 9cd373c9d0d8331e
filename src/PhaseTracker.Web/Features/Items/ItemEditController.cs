using System.ComponentModel.DataAnnotations;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Settings;
using PhaseTracker.Web.Features.Shared;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Items;

/// <summary>
/// The item forms: create, edit, delete and restore, defer to the next phase, mark complete. Every save
/// checks the version the form was read at, writes nothing when no value changed, and otherwise saves the
/// item, its history entry and the data version in one transaction.
/// </summary>
[Authorize(Policy = Policies.CanEdit)]
public sealed class ItemEditController(PhaseTrackerDbContext db, HistoryRecorder recorder, Workspace workspace, TimeProvider clock) : Controller
{
    // The views live with the items' other views, not in a folder named after this controller.
    private const string EditView = "~/Features/Items/Edit.cshtml";
    private const string CompleteView = "~/Features/Items/Complete.cshtml";
    private const string DeleteView = "~/Features/Items/Delete.cshtml";
    private const string DeferView = "~/Features/Items/Defer.cshtml";

    [HttpGet("/items/new")]
    public async Task<IActionResult> New(int? phase, CancellationToken cancellationToken)
    {
        var found = await db.Phases.AsNoTracking().NumberedOrCurrent(phase).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var form = new ItemForm();
        form.Page = await PageAsync(null, null, found, cancellationToken);
        return View(EditView, form);
    }

    [HttpPost("/items/new")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> New(int? phase, ItemForm form, string? listAction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var found = await db.Phases.NumberedOrCurrent(phase).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (listAction is not null || !await ValidAsync(form, null, cancellationToken))
        {
            return await RedisplayAsync(form, listAction, null, found, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = new DeferredItem { PhaseId = found.Id, Number = await NextNumberAsync(found, cancellationToken) };
        form.ApplyTo(item);
        item.RefreshSearchText();
        db.DeferredItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        item.Phase = found;
        recorder.Record(Actor.Form(User), HistoryRecordType.Item, item.Id, found.Number, HistoryFields.LabelOf(item), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(item));
        await db.BumpDataVersionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect(ItemMessages.Url(item.Id, ItemMessages.Created));
    }

    [HttpGet("/items/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var item = await db.DeferredItems.AsNoTracking().Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var form = ItemForm.From(item);
        form.Page = await PageAsync(item.Id, item.Number, item.Phase!, cancellationToken);
        return View(EditView, form);
    }

    [HttpPost("/items/{id:int}/edit")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Edit(int id, ItemForm form, string? listAction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = await db.DeferredItems.Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (listAction is not null || !await ValidAsync(form, item, cancellationToken))
        {
            return await RedisplayAsync(form, listAction, item, item.Phase!, cancellationToken);
        }

        return await SaveAsync(item, form.RowVersion, HistoryAction.Changed, form.ApplyTo, ItemMessages.Saved, cancellationToken);
    }

    [HttpGet("/items/{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await db.DeferredItems.AsNoTracking().Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } item
            ? View(DeleteView, new ItemActionPage(item.Id, item.Number, item.Title, item.Phase!.Number, item.RowVersion, item.IsComplete))
            : NotFound();

    [HttpPost("/items/{id:int}/delete")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(int id, int rowVersion, CancellationToken cancellationToken)
    {
        var item = await db.DeferredItems.Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var phaseNumber = item.Phase!.Number;
        var result = await SaveAsync(item, rowVersion, HistoryAction.Deleted, i => i.DeletedAtUtc = clock.GetUtcNow().UtcDateTime, null, cancellationToken);
        return result is RedirectResult ? Redirect($"/items?phase={phaseNumber}&deleted={id}") : result;
    }

    /// <summary>Undoes a delete; the history page posts here too, so the route stays as it is.</summary>
    [HttpPost("/items/{id:int}/restore")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Restore(int id, CancellationToken cancellationToken)
    {
        var item = await db.DeferredItems.IgnoreQueryFilters().Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (item.DeletedAtUtc is null)
        {
            return Redirect($"/items/{id}");
        }

        return await SaveAsync(item, item.RowVersion, HistoryAction.Restored, i => i.DeletedAtUtc = null, ItemMessages.Restored, cancellationToken);
    }

    [HttpGet("/items/{id:int}/defer")]
    public async Task<IActionResult> Defer(int id, CancellationToken cancellationToken) =>
        await db.DeferredItems.AsNoTracking().Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } item
            ? View(DeferView, new DeferPage(new ItemActionPage(item.Id, item.Number, item.Title, item.Phase!.Number, item.RowVersion, item.IsComplete), new DeferForm { RowVersion = item.RowVersion }))
            : NotFound();

    [HttpPost("/items/{id:int}/defer")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Defer(int id, DeferForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = await db.DeferredItems.Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var from = item.Phase!;
        if (item.IsComplete)
        {
            ModelState.AddModelError(nameof(DeferForm.Reason), "A complete item cannot be deferred; only open items move to the next phase.");
        }

        if (!ModelState.IsValid)
        {
            return View(DeferView, new DeferPage(new ItemActionPage(item.Id, item.Number, item.Title, from.Number, item.RowVersion, item.IsComplete), form));
        }

        if (form.RowVersion != item.RowVersion)
        {
            return await ConflictAsync(item, i => DeferInMemory(i, from.Number, form.Reason!.Trim(), ""), cancellationToken);
        }

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
            recorder.Record(Actor.Form(User), HistoryRecordType.Phase, to.Id, to.Number, to.Title, HistoryAction.Created, HistoryFields.None, HistoryFields.Of(to));
        }

        var date = DocumentDates.Write(workspace.Today(await workspace.GetAsync(cancellationToken)), await DateFormatAsync(to, from, cancellationToken));
        var number = await NextNumberAsync(to, cancellationToken);
        var before = HistoryFields.Of(item);
        var rows = await db.MatrixRows.Where(r => r.PhaseId == from.Id && r.ItemNumber == item.Number).ToListAsync(cancellationToken);
        db.MatrixRows.RemoveRange(rows);

        // The section is written afresh in the new phase; the old phase's document loses it and its matrix row.
        DeferInMemory(item, from.Number, form.Reason!.Trim(), date);
        item.PhaseId = to.Id;
        item.Phase = to;
        item.Number = number;
        item.Source = "";
        item.SourceFingerprint = "";
        item.Line = 0;
        return await CommitAsync(item, HistoryAction.Deferred, before, transaction, ItemMessages.Deferred, cancellationToken);
    }

    [HttpGet("/items/{id:int}/complete")]
    public async Task<IActionResult> Complete(int id, CancellationToken cancellationToken)
    {
        var item = await db.DeferredItems.AsNoTracking().Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var form = new ItemForm
        {
            RowVersion = item.RowVersion,
            CompletedOn = item.CompletedOn ?? DocumentDates.Write(workspace.Today(await workspace.GetAsync(cancellationToken)), await DateFormatAsync(item.Phase!, null, cancellationToken)),
            PullRequest = item.PullRequest,
            ChangesToPlan = [.. item.ChangesToPlan],
        };
        form.Page = new ItemFormPage(item.Id, item.Number, item.Phase!.Number, $"{item.Number}. {item.Title}", []);
        return View(CompleteView, form);
    }

    [HttpPost("/items/{id:int}/complete")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Complete(int id, ItemForm form, string? listAction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = await db.DeferredItems.Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        // The completion form carries no title: only its own fields are checked.
        ModelState.Remove(nameof(ItemForm.Title));
        if (listAction is not null)
        {
            ModelState.Clear();
            if (!form.ApplyListAction(listAction))
            {
                ModelState.AddModelError(nameof(ItemForm.ChangesToPlan), "That list button does not match the form any more; reload the page.");
            }
        }
        else
        {
            ItemForm.ValidateLinks(ModelState, form, workspace.Today(await workspace.GetAsync(cancellationToken)));
            if (string.IsNullOrWhiteSpace(form.CompletedOn))
            {
                ModelState.AddModelError(nameof(ItemForm.CompletedOn), "Enter the date the work was completed.");
            }
        }

        if (listAction is not null || !ModelState.IsValid)
        {
            form.Page = new ItemFormPage(item.Id, item.Number, item.Phase!.Number, $"{item.Number}. {item.Title}", []);
            return View(CompleteView, form);
        }

        return await SaveAsync(item, form.RowVersion, HistoryAction.Completed, i =>
        {
            i.StatusEmoji = "✅";
            i.StatusLabel = "Complete";
            i.StatusNote = null;
            i.IsComplete = true;
            i.CompletedOn = ItemForm.Clean(form.CompletedOn);
            i.PullRequest = ItemForm.Clean(form.PullRequest);
            var changes = ItemForm.Entries(form.ChangesToPlan);
            if (!i.ChangesToPlan.SequenceEqual(changes))
            {
                i.ChangesToPlan = changes;
            }
        }, ItemMessages.Completed, cancellationToken);
    }

    /// <summary>
    /// Applies a change to a loaded item and saves it: the conflict page where the form is stale (or a save
    /// races this one), nothing at all where no value changed.
    /// </summary>
    private async Task<IActionResult> SaveAsync(DeferredItem item, int formVersion, HistoryAction action, Action<DeferredItem> apply, string? message, CancellationToken cancellationToken)
    {
        if (formVersion != item.RowVersion)
        {
            return await ConflictAsync(item, apply, cancellationToken);
        }

        var before = HistoryFields.Of(item);
        var deletedBefore = item.DeletedAtUtc;
        apply(item);
        if ((action is HistoryAction.Changed or HistoryAction.Completed) &&
            HistoryRecorder.Compare(before, HistoryFields.Of(item)).Count == 0 && deletedBefore == item.DeletedAtUtc)
        {
            // Nothing changed: nothing is written, so the export stays byte-identical.
            db.ChangeTracker.Clear();
            return Redirect(ItemMessages.Url(item.Id, ItemMessages.Unchanged));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return await CommitAsync(item, action, before, transaction, message, cancellationToken);
    }

    private async Task<IActionResult> CommitAsync(
        DeferredItem item,
        HistoryAction action,
        IReadOnlyList<KeyValuePair<string, string?>> before,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        string? message,
        CancellationToken cancellationToken)
    {
        item.RowVersion++;
        item.RefreshSearchText();
        recorder.Record(Actor.Form(User), HistoryRecordType.Item, item.Id, item.Phase?.Number, HistoryFields.LabelOf(item), action, before, HistoryFields.Of(item));
        try
        {
            await db.BumpDataVersionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            var yours = HistoryFields.Of(item);
            db.ChangeTracker.Clear();
            var stored = await db.DeferredItems.IgnoreQueryFilters().AsNoTracking().Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == item.Id, cancellationToken);
            if (stored is null)
            {
                return NotFound();
            }

            return await ConflictViewAsync(stored, yours, cancellationToken);
        }

        return Redirect(message is null ? $"/items/{item.Id}" : ItemMessages.Url(item.Id, message));
    }

    /// <summary>The conflict page for a stale form: the item as saved now beside the form's values applied to it.</summary>
    private async Task<IActionResult> ConflictAsync(DeferredItem item, Action<DeferredItem> apply, CancellationToken cancellationToken)
    {
        var theirs = HistoryFields.Of(item);
        var stored = new { item.RowVersion, item.Id };
        apply(item);
        var yours = HistoryFields.Of(item);
        db.ChangeTracker.Clear();
        return await ConflictViewAsync(theirs, yours, stored.Id, stored.RowVersion, HistoryFields.LabelOf(item), cancellationToken);
    }

    private Task<IActionResult> ConflictViewAsync(DeferredItem stored, IReadOnlyList<KeyValuePair<string, string?>> yours, CancellationToken cancellationToken) =>
        ConflictViewAsync(HistoryFields.Of(stored), yours, stored.Id, stored.RowVersion, HistoryFields.LabelOf(stored), cancellationToken);

    private async Task<IActionResult> ConflictViewAsync(
        IReadOnlyList<KeyValuePair<string, string?>> theirs, IReadOnlyList<KeyValuePair<string, string?>> yours, int id, int rowVersion, string label, CancellationToken cancellationToken)
    {
        var changedBy = await db.HistoryEntries.AsNoTracking()
            .Where(e => e.RecordType == HistoryRecordType.Item && e.RecordId == id)
            .OrderByDescending(e => e.Id)
            .Select(e => e.Actor)
            .FirstOrDefaultAsync(cancellationToken);
        return EditConflict.For(Request, label, theirs, yours, rowVersion, $"/items/{id}", changedBy).View(this);
    }

    private static void DeferInMemory(DeferredItem item, int fromPhase, string reason, string date)
    {
        item.Deferrals = [.. item.Deferrals, new Deferral(fromPhase, fromPhase + 1, reason, date)];
        var when = date.Length > 0 ? $" on {date}" : "";
        item.WhyDeferred = [.. item.WhyDeferred, $"Deferred from Phase {fromPhase} to Phase {fromPhase + 1}{when}: {reason}"];
    }

    private async Task<bool> ValidAsync(ItemForm form, DeferredItem? stored, CancellationToken cancellationToken)
    {
        form.Validate(ModelState, stored, workspace.Today(await workspace.GetAsync(cancellationToken)));
        return ModelState.IsValid;
    }

    private async Task<IActionResult> RedisplayAsync(ItemForm form, string? listAction, DeferredItem? item, Phase phase, CancellationToken cancellationToken)
    {
        if (listAction is not null)
        {
            // A list button changes the form, not the item: the inputs show the changed list, nothing is saved.
            ModelState.Clear();
            if (!form.ApplyListAction(listAction))
            {
                ModelState.AddModelError("", "That list button does not match the form any more; reload the page.");
            }
        }

        form.Page = await PageAsync(item?.Id, item?.Number, phase, cancellationToken);
        return View(EditView, form);
    }

    private async Task<ItemFormPage> PageAsync(int? id, int? number, Phase phase, CancellationToken cancellationToken)
    {
        var statuses = await db.DeferredItems.AsNoTracking()
            .Where(i => i.PhaseId == phase.Id && i.StatusLabel != null)
            .Select(i => new { i.StatusEmoji, i.StatusLabel })
            .Distinct()
            .ToListAsync(cancellationToken);
        return new ItemFormPage(id, number, phase.Number, phase.Title,
            [.. statuses.OrderBy(s => s.StatusLabel, StringComparer.Ordinal).Select(s => ($"{s.StatusEmoji}|{s.StatusLabel}", $"{s.StatusEmoji} {s.StatusLabel}".Trim()))]);
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

/// <summary>One item named on a confirmation page (delete, defer).</summary>
public sealed record ItemActionPage(int Id, int Number, string Title, int PhaseNumber, int RowVersion, bool IsComplete);

public sealed record DeferPage(ItemActionPage Item, DeferForm Form);

public sealed class DeferForm
{
    public int RowVersion { get; set; }

    [Required(ErrorMessage = "Give the reason the item moves to the next phase.")]
    [StringLength(1000, ErrorMessage = "Keep the reason to at most 1000 characters.")]
    public string? Reason { get; set; }
}

/// <summary>The confirmations an item page shows after a save, by a short word in its query string.</summary>
public static class ItemMessages
{
    public const string Created = "created";
    public const string Saved = "saved";
    public const string Unchanged = "unchanged";
    public const string Restored = "restored";
    public const string Deferred = "deferred";
    public const string Completed = "completed";

    public static string Url(int id, string message) => $"/items/{id}?done={message}";

    public static string? Text(string? message) => message switch
    {
        Created => "Item created.",
        Saved => "Changes saved.",
        Unchanged => "Nothing changed, so nothing was saved.",
        Restored => "Item restored.",
        Deferred => "Item deferred to the next phase.",
        Completed => "Item marked complete.",
        _ => null,
    };
}
