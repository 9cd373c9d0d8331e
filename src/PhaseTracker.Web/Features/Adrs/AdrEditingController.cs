using System.Globalization;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Matrix;
using PhaseTracker.Web.Features.Roadmap;
using PhaseTracker.Web.Features.Settings;
using PhaseTracker.Web.Features.Shared;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Adrs;

/// <summary>Leads write new decision records, edit them, and move them through their lifecycle.</summary>
[Authorize(Policy = Policies.CanEdit)]
public sealed class AdrEditingController(PhaseTrackerDbContext db, DecisionRecordEditor editor, HistoryRecorder recorder, AdrsQuery query) : Controller
{
    [HttpGet("/adrs/new")]
    public async Task<IActionResult> New(string? phase, CancellationToken cancellationToken)
    {
        if (await PhaseAsync(phase, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var form = new AdrForm { Date = await TodayLikeAsync(found.Id, cancellationToken) };
        return Page(new AdrEditPage(await NextNumberAsync(cancellationToken), found.Number, true, 0, AdrLifecycle.ProposedText, form));
    }

    [HttpPost("/adrs/new")]
    public async Task<IActionResult> New(
        string? phase, [Bind(Prefix = AdrForm.Prefix)] AdrForm form, [FromForm(Name = ListAction.FieldName)] string? listAction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await PhaseAsync(phase, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var action = ListAction.Parse(listAction);
        AddLineErrors(form, null);
        if (action is not null || !ModelState.IsValid)
        {
            return Redisplay(new AdrEditPage(await NextNumberAsync(cancellationToken), found.Number, true, 0, AdrLifecycle.ProposedText, form), action);
        }

        var values = new DecisionRecord();
        form.ApplyTo(values);
        var record = await editor.CreateAsync(Actor.Form(User), found.Id, found.Number, values, cancellationToken);
        return Redirect(RecordUrl(record.Number, "created"));
    }

    [HttpGet("/adrs/{number:int}/edit")]
    public async Task<IActionResult> Edit(int number, CancellationToken cancellationToken)
    {
        var record = await db.DecisionRecords.AsNoTracking().SingleOrDefaultAsync(d => d.Number == number, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        return Page(new AdrEditPage(record.Number, await PhaseNumberAsync(record.PhaseId, cancellationToken), false, record.RowVersion, record.Status, AdrForm.Of(record)));
    }

    [HttpPost("/adrs/{number:int}/edit")]
    public async Task<IActionResult> Edit(
        int number,
        [Bind(Prefix = AdrForm.Prefix)] AdrForm form,
        [FromForm(Name = EditConflict.RowVersionField)] int rowVersion,
        [FromForm(Name = ListAction.FieldName)] string? listAction,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var record = await db.DecisionRecords.SingleOrDefaultAsync(d => d.Number == number, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        var action = ListAction.Parse(listAction);
        AddLineErrors(form, record);
        if (action is not null || !ModelState.IsValid)
        {
            return Redisplay(new AdrEditPage(record.Number, await PhaseNumberAsync(record.PhaseId, cancellationToken), false, rowVersion, record.Status, form), action);
        }

        var result = await editor.UpdateAsync(Actor.Form(User), record, rowVersion, form.ApplyTo, cancellationToken);
        return await AnswerAsync(result, number, "saved", cancellationToken);
    }

    /// <summary>A lifecycle button: <paramref name="to"/> is Accepted, Rejected, Deprecated or Superseded (then <paramref name="by"/> names the newer record).</summary>
    [HttpPost("/adrs/{number:int}/status")]
    public async Task<IActionResult> Status(
        int number,
        [FromForm(Name = EditConflict.RowVersionField)] int rowVersion,
        [FromForm] string? to,
        [FromForm] string? by,
        CancellationToken cancellationToken)
    {
        var record = await db.DecisionRecords.SingleOrDefaultAsync(d => d.Number == number, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        var target = to?.Trim() ?? "";
        var result = await editor.ChangeStatusAsync(Actor.Form(User), record, rowVersion, target, Pager.ReadNumber(by), cancellationToken);
        return await AnswerAsync(result, number, target.ToLowerInvariant(), cancellationToken);
    }

    /// <summary>Undoes a delete: the history page's "Restore" button posts here.</summary>
    [HttpPost("/adrs/{number:int}/restore")]
    public async Task<IActionResult> Restore(int number, CancellationToken cancellationToken)
    {
        var record = await db.DecisionRecords.IgnoreQueryFilters().SingleOrDefaultAsync(d => d.Number == number, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        if (record.DeletedAtUtc is null)
        {
            return Redirect(RecordUrl(number));
        }

        await editor.RestoreAsync(Actor.Form(User), record, cancellationToken);
        return Redirect(RecordUrl(number, "restored"));
    }

    /// <summary>Where the form goes after the editor: the record with its confirmation, the conflict page, or the record with the one sentence that says why not.</summary>
    private async Task<IActionResult> AnswerAsync(EditResult<DecisionRecord> result, int number, string done, CancellationToken cancellationToken) => result.Status switch
    {
        EditStatus.Saved => Redirect(RecordUrl(number, done)),
        EditStatus.Unchanged => Redirect(RecordUrl(number, "unchanged")),
        EditStatus.Conflict => await ConflictAsync(result.Record!, result.Yours!, cancellationToken),
        EditStatus.NotFound => NotFound(),
        _ => await RefuseAsync(number, result.Message ?? "", cancellationToken),
    };

    private async Task<IActionResult> ConflictAsync(DecisionRecord stored, DecisionRecord yours, CancellationToken cancellationToken)
    {
        var changedBy = await recorder.LastActorAsync(HistoryRecordType.DecisionRecord, stored.Id, cancellationToken);
        return EditConflict.For(Request, HistoryFields.LabelOf(stored), HistoryFields.Of(stored), HistoryFields.Of(yours), stored.RowVersion,
            RecordUrl(stored.Number), changedBy).View(this);
    }

    private async Task<IActionResult> RefuseAsync(int number, string refusal, CancellationToken cancellationToken)
    {
        var page = await query.GetAsync(number, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("~/Features/Adrs/Details.cshtml", page with { Error = refusal, Choices = await query.OtherRecordsAsync(number, cancellationToken) });
    }

    internal static string RecordUrl(int number, string? done = null) =>
        $"/adrs/{number.ToString(CultureInfo.InvariantCulture)}" + (done is null ? "" : $"?done={done}");

    private ViewResult Redisplay(AdrEditPage page, ListAction? action)
    {
        if (action is not null)
        {
            // The fields show the changed list, not what was posted.
            ModelState.Clear();
            page.Form.Apply(action);
        }

        return Page(page);
    }

    private void AddLineErrors(AdrForm form, DecisionRecord? stored)
    {
        foreach (var (key, message) in form.LineErrors(stored))
        {
            ModelState.AddModelError($"{AdrForm.Prefix}.{key}", message);
        }
    }

    private ViewResult Page(AdrEditPage page) => View("~/Features/Adrs/Edit.cshtml", page);

    private Task<int> NextNumberAsync(CancellationToken cancellationToken) => editor.NextNumberAsync(cancellationToken);

    private Task<string> TodayLikeAsync(int phaseId, CancellationToken cancellationToken) => editor.TodayLikeAsync(phaseId, cancellationToken);

    private Task<(int Id, int Number)?> PhaseAsync(string? phase, CancellationToken cancellationToken) => editor.PhaseAsync(Pager.ReadNumber(phase), cancellationToken);

    private Task<int> PhaseNumberAsync(int phaseId, CancellationToken cancellationToken) => editor.PhaseNumberAsync(phaseId, cancellationToken);
}
