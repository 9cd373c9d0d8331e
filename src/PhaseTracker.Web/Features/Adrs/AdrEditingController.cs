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
public sealed class AdrEditingController(PhaseTrackerDbContext db, HistoryRecorder recorder, Workspace workspace, AdrsQuery query) : Controller
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
        if (action is not null || !ModelState.IsValid)
        {
            return Redisplay(new AdrEditPage(await NextNumberAsync(cancellationToken), found.Number, true, 0, AdrLifecycle.ProposedText, form), action);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = new DecisionRecord { PhaseId = found.Id, Number = await NextNumberAsync(cancellationToken), Status = AdrLifecycle.ProposedText };
        form.ApplyTo(record);
        db.DecisionRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        // The entry also keeps the number taken: a later import that drops the record does not free it.
        recorder.Record(Actor.Form(User), HistoryRecordType.DecisionRecord, record.Id, found.Number, HistoryFields.LabelOf(record), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(record));
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
        if (action is not null || !ModelState.IsValid)
        {
            return Redisplay(new AdrEditPage(record.Number, await PhaseNumberAsync(record.PhaseId, cancellationToken), false, rowVersion, record.Status, form), action);
        }

        var yours = Copy(record);
        form.ApplyTo(yours);
        return await SaveAsync(record, rowVersion, yours, "saved", cancellationToken);
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
        var name = Values.AdrName(number);
        if (rowVersion != record.RowVersion)
        {
            var stale = Copy(record);
            stale.Status = AdrLifecycle.StatusText(target, Pager.ReadNumber(by));
            return await ConflictAsync(record, stale, cancellationToken);
        }

        if (AdrLifecycle.Refusal(name, record.Status, target) is { } refusal)
        {
            return await RefuseAsync(number, refusal, cancellationToken);
        }

        var yours = Copy(record);
        if (target != AdrLifecycle.Superseded)
        {
            yours.Status = AdrLifecycle.StatusText(target);
            return await SaveAsync(record, rowVersion, yours, target.ToLowerInvariant(), cancellationToken);
        }

        var newer = Pager.ReadNumber(by) is { } byNumber && byNumber != number
            ? await db.DecisionRecords.SingleOrDefaultAsync(d => d.Number == byNumber, cancellationToken)
            : null;
        if (newer is null)
        {
            return await RefuseAsync(number, $"Choose the decision record that supersedes {name}: another record that exists.", cancellationToken);
        }

        if (newer.Supersedes is { } already && already != number)
        {
            return await RefuseAsync(number, $"{Values.AdrName(newer.Number)} already supersedes {Values.AdrName(already)}; a record here supersedes one other.", cancellationToken);
        }

        yours.Status = AdrLifecycle.StatusText(AdrLifecycle.Superseded, newer.Number);
        yours.SupersededBy = newer.Number;
        var newerBefore = HistoryFields.Of(newer);
        newer.Supersedes = number;
        newer.RowVersion++;
        recorder.Record(Actor.Form(User), HistoryRecordType.DecisionRecord, newer.Id, await PhaseNumberAsync(newer.PhaseId, cancellationToken),
            HistoryFields.LabelOf(newer), HistoryAction.Changed, newerBefore, HistoryFields.Of(newer));
        return await SaveAsync(record, rowVersion, yours, "superseded", cancellationToken);
    }

    /// <summary>
    /// Saves <paramref name="yours"/> over <paramref name="record"/> (with whatever else the context already
    /// holds, such as the other side of a supersession) in one transaction: the version check, the history
    /// entry, the data version. A save that changes no value writes nothing.
    /// </summary>
    private async Task<IActionResult> SaveAsync(DecisionRecord record, int rowVersion, DecisionRecord yours, string done, CancellationToken cancellationToken)
    {
        if (rowVersion != record.RowVersion)
        {
            return await ConflictAsync(record, yours, cancellationToken);
        }

        var before = HistoryFields.Of(record);
        if (JsonColumn.Serialize(Copy(record)) == JsonColumn.Serialize(yours))
        {
            return Redirect(RecordUrl(record.Number, "unchanged"));
        }

        Put(yours, record);
        record.RowVersion++;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        recorder.Record(Actor.Form(User), HistoryRecordType.DecisionRecord, record.Id, await PhaseNumberAsync(record.PhaseId, cancellationToken),
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
            return stored is null ? NotFound() : await ConflictAsync(stored, yours, cancellationToken);
        }

        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect(RecordUrl(record.Number, done));
    }

    private async Task<IActionResult> ConflictAsync(DecisionRecord stored, DecisionRecord yours, CancellationToken cancellationToken)
    {
        var changedBy = await db.HistoryEntries.AsNoTracking()
            .Where(h => h.RecordType == HistoryRecordType.DecisionRecord && h.RecordId == stored.Id)
            .OrderByDescending(h => h.Id)
            .Select(h => h.Actor)
            .FirstOrDefaultAsync(cancellationToken);
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

    private ViewResult Page(AdrEditPage page) => View("~/Features/Adrs/Edit.cshtml", page);

    /// <summary>The values a lead edits, copied: what "yours" is compared and shown with.</summary>
    private static DecisionRecord Copy(DecisionRecord record) => new()
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
    /// the history has recorded ("ADR-007: ..."), so the number of a record an import removed stays taken.
    /// </summary>
    private async Task<int> NextNumberAsync(CancellationToken cancellationToken)
    {
        var highest = await db.DecisionRecords.MaxAsync(d => (int?)d.Number, cancellationToken) ?? 0;
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

    private async Task<string> TodayLikeAsync(int phaseId, CancellationToken cancellationToken)
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

    private async Task<(int Id, int Number)?> PhaseAsync(string? phase, CancellationToken cancellationToken)
    {
        var found = await db.Phases.AsNoTracking().NumberedOrCurrent(Pager.ReadNumber(phase))
            .Select(p => new { p.Id, p.Number })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Number);
    }

    private Task<int> PhaseNumberAsync(int phaseId, CancellationToken cancellationToken) =>
        db.Phases.AsNoTracking().Where(p => p.Id == phaseId).Select(p => p.Number).SingleAsync(cancellationToken);
}
