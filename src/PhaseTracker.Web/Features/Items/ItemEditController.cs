using System.ComponentModel.DataAnnotations;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Shared;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Items;

/// <summary>
/// The item forms: create, edit, delete and restore, defer to the next phase, mark complete. The rules
/// (validation, numbering, history, no-change-no-save) are <see cref="ItemEditor"/>'s, shared with the
/// API; here each save checks the version the form was read at and answers with pages.
/// </summary>
[Authorize(Policy = Policies.CanEdit)]
public sealed class ItemEditController(PhaseTrackerDbContext db, ItemEditor editor, HistoryRecorder recorder) : Controller
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

        var item = await editor.CreateAsync(found, form, Actor.Form(User), cancellationToken);
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

        if (form.RowVersion != item.RowVersion)
        {
            return await ConflictAsync(item, form.ApplyTo, cancellationToken);
        }

        return await AnswerAsync(await editor.UpdateAsync(item, form, Actor.Form(User), cancellationToken), ItemMessages.Saved, cancellationToken);
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

        if (rowVersion != item.RowVersion)
        {
            return await ConflictAsync(item, editor.MarkDeleted, cancellationToken);
        }

        var phaseNumber = item.Phase!.Number;
        var result = await AnswerAsync(await editor.DeleteAsync(item, Actor.Form(User), cancellationToken), null, cancellationToken);
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

        return await AnswerAsync(await editor.RestoreAsync(item, Actor.Form(User), cancellationToken), ItemMessages.Restored, cancellationToken);
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
        ItemEditor.ValidateDeferral(item, form.Reason, ModelState, annotations: false);
        if (!ModelState.IsValid)
        {
            return View(DeferView, new DeferPage(new ItemActionPage(item.Id, item.Number, item.Title, from.Number, item.RowVersion, item.IsComplete), form));
        }

        if (form.RowVersion != item.RowVersion)
        {
            return await ConflictAsync(item, i => ItemEditor.DeferInMemory(i, from.Number, form.Reason!.Trim(), ""), cancellationToken);
        }

        return await AnswerAsync(await editor.DeferAsync(item, form.Reason!, Actor.Form(User), cancellationToken), ItemMessages.Deferred, cancellationToken);
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
            CompletedOn = await editor.SuggestedCompletionDateAsync(item, cancellationToken),
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
            await editor.ValidateCompletionAsync(form, item, ModelState, cancellationToken);
        }

        if (listAction is not null || !ModelState.IsValid)
        {
            form.Page = new ItemFormPage(item.Id, item.Number, item.Phase!.Number, $"{item.Number}. {item.Title}", []);
            return View(CompleteView, form);
        }

        if (form.RowVersion != item.RowVersion)
        {
            return await ConflictAsync(item, i => ItemEditor.Complete(i, form), cancellationToken);
        }

        return await AnswerAsync(await editor.CompleteAsync(item, form, Actor.Form(User), cancellationToken), ItemMessages.Completed, cancellationToken);
    }

    /// <summary>The item page after a save (with its message), or the conflict page where another save got there first.</summary>
    private async Task<IActionResult> AnswerAsync(ItemSave save, string? message, CancellationToken cancellationToken)
    {
        switch (save.Outcome)
        {
            case ItemSaveOutcome.Unchanged:
                return Redirect(ItemMessages.Url(save.Item!.Id, ItemMessages.Unchanged));
            case ItemSaveOutcome.Conflict when save.Item is null:
                return NotFound();
            case ItemSaveOutcome.Conflict:
                return await ConflictViewAsync(HistoryFields.Of(save.Item), save.Yours, save.Item.Id, save.Item.RowVersion, HistoryFields.LabelOf(save.Item), cancellationToken);
            default:
                var id = save.Item!.Id;
                return Redirect(message is null ? $"/items/{id}" : ItemMessages.Url(id, message));
        }
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

    private async Task<IActionResult> ConflictViewAsync(
        IReadOnlyList<KeyValuePair<string, string?>> theirs, IReadOnlyList<KeyValuePair<string, string?>> yours, int id, int rowVersion, string label, CancellationToken cancellationToken)
    {
        var changedBy = await recorder.LastActorAsync(HistoryRecordType.Item, id, cancellationToken);
        return EditConflict.For(Request, label, theirs, yours, rowVersion, $"/items/{id}", changedBy).View(this);
    }

    private async Task<bool> ValidAsync(ItemForm form, DeferredItem? stored, CancellationToken cancellationToken)
    {
        // Model binding has checked the form's annotations already.
        await editor.ValidateAsync(form, stored, ModelState, annotations: false, cancellationToken);
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
