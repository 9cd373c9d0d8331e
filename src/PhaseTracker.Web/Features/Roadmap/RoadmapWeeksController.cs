using System.Globalization;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Matrix;
using PhaseTracker.Web.Features.Shared;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>Leads add roadmap weeks and edit a week's theme and day blocks.</summary>
[Authorize(Policy = Policies.CanEdit)]
public sealed class RoadmapWeeksController(PhaseTrackerDbContext db, RoadmapEditor editor, HistoryRecorder recorder) : Controller
{
    [HttpGet("/roadmap/weeks/new")]
    public async Task<IActionResult> New(string? phase, CancellationToken cancellationToken)
    {
        var found = await PhaseAsync(phase, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        return await PageAsync(found.Value.Id, found.Value.Number, await NextNumberAsync(found.Value.Id, cancellationToken), null, 0, new WeekForm(), cancellationToken);
    }

    [HttpPost("/roadmap/weeks/new")]
    public async Task<IActionResult> New(
        string? phase, [Bind(Prefix = WeekForm.Prefix)] WeekForm form, [FromForm(Name = ListAction.FieldName)] string? listAction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var found = await PhaseAsync(phase, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (phaseId, phaseNumber) = found.Value;
        var action = ListAction.Parse(listAction);
        if (action is not null || !IsValid(form))
        {
            return await RedisplayAsync(phaseId, phaseNumber, await NextNumberAsync(phaseId, cancellationToken), null, 0, form, action, cancellationToken);
        }

        var week = await editor.AddAsync(Actor.Form(User), phaseId, phaseNumber, form.Theme!, form.ToBlocks(await ItemNumbersAsync(phaseId, cancellationToken)), cancellationToken);
        return Redirect(RoadmapUrl(phaseNumber, week.Number, "added"));
    }

    [HttpGet("/roadmap/weeks/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var week = await db.RoadmapWeeks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (week is null)
        {
            return NotFound();
        }

        var phaseNumber = await PhaseNumberAsync(week.PhaseId, cancellationToken);
        return await PageAsync(week.PhaseId, phaseNumber, week.Number, week.Id, week.RowVersion, WeekForm.Of(week), cancellationToken);
    }

    [HttpPost("/roadmap/weeks/{id:int}/edit")]
    public async Task<IActionResult> Edit(
        int id,
        [Bind(Prefix = WeekForm.Prefix)] WeekForm form,
        [FromForm(Name = EditConflict.RowVersionField)] int rowVersion,
        [FromForm(Name = ListAction.FieldName)] string? listAction,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var week = await db.RoadmapWeeks.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (week is null)
        {
            return NotFound();
        }

        var phaseNumber = await PhaseNumberAsync(week.PhaseId, cancellationToken);
        var action = ListAction.Parse(listAction);
        if (action is not null || !IsValid(form))
        {
            return await RedisplayAsync(week.PhaseId, phaseNumber, week.Number, week.Id, rowVersion, form, action, cancellationToken);
        }

        var result = await editor.UpdateAsync(Actor.Form(User), week, rowVersion, form.Theme!, form.ToBlocks(await ItemNumbersAsync(week.PhaseId, cancellationToken)), cancellationToken);
        return result.Status switch
        {
            EditStatus.Conflict => await ConflictAsync(result.Record!, result.Yours!, phaseNumber, cancellationToken),
            EditStatus.NotFound => NotFound(),
            EditStatus.Unchanged => Redirect(RoadmapUrl(phaseNumber, week.Number, "unchanged")),
            _ => Redirect(RoadmapUrl(phaseNumber, week.Number, "saved")),
        };
    }

    /// <summary>Undoes a delete: the history page's "Restore" button posts here.</summary>
    [HttpPost("/roadmap/weeks/{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, CancellationToken cancellationToken)
    {
        var week = await db.RoadmapWeeks.IgnoreQueryFilters().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (week is null)
        {
            return NotFound();
        }

        var phaseNumber = await db.Phases.Where(p => p.Id == week.PhaseId).Select(p => p.Number).SingleAsync(cancellationToken);
        if (week.DeletedAtUtc is null)
        {
            // Restored already (a second click, another lead): the week as it is, no confirmation.
            return Redirect(RoadmapUrl(phaseNumber, week.Number));
        }

        await editor.RestoreAsync(Actor.Form(User), week, cancellationToken);
        return Redirect(RoadmapUrl(phaseNumber, week.Number, "restored"));
    }

    /// <summary>Where a save lands: the roadmap page holding the week, scrolled to it, with the confirmation.</summary>
    internal static string RoadmapUrl(int phaseNumber, int weekNumber, string? done = null)
    {
        var week = weekNumber.ToString(CultureInfo.InvariantCulture);
        var confirmation = done is null ? "" : $"&done={done}";
        return $"/roadmap?phase={phaseNumber.ToString(CultureInfo.InvariantCulture)}&week={week}{confirmation}#week-{week}";
    }

    private bool IsValid(WeekForm form)
    {
        form.Validate(ModelState);
        return ModelState.IsValid;
    }

    private async Task<IActionResult> ConflictAsync(RoadmapWeek stored, RoadmapWeek yours, int phaseNumber, CancellationToken cancellationToken)
    {
        var changedBy = await recorder.LastActorAsync(HistoryRecordType.RoadmapWeek, stored.Id, cancellationToken);
        return EditConflict.For(Request, HistoryFields.LabelOf(stored), HistoryFields.Of(stored), HistoryFields.Of(yours), stored.RowVersion,
            RoadmapUrl(phaseNumber, stored.Number), changedBy).View(this);
    }

    /// <summary>The form again: after a list button (the change made, nothing saved) or with the reasons it was not saved.</summary>
    private Task<IActionResult> RedisplayAsync(int phaseId, int phaseNumber, int weekNumber, int? id, int rowVersion, WeekForm form, ListAction? action, CancellationToken cancellationToken)
    {
        if (action is not null)
        {
            // The fields show the changed list, not what was posted.
            ModelState.Clear();
            form.Apply(action);
        }

        return PageAsync(phaseId, phaseNumber, weekNumber, id, rowVersion, form, cancellationToken);
    }

    private async Task<IActionResult> PageAsync(int phaseId, int phaseNumber, int weekNumber, int? id, int rowVersion, WeekForm form, CancellationToken cancellationToken)
    {
        var items = await db.DeferredItems.AsNoTracking()
            .Where(i => i.PhaseId == phaseId)
            .OrderBy(i => i.Number)
            .Select(i => new ItemChoice(i.Number, i.Title))
            .ToListAsync(cancellationToken);
        var overlaps = DayOverlaps.Of(weekNumber, form.Blocks.Select(b => (b.StartDay, b.EndDay)));
        return View("~/Features/Roadmap/EditWeek.cshtml", new WeekEditPage(phaseNumber, weekNumber, id, rowVersion, form, items, overlaps));
    }

    private Task<(int Id, int Number)?> PhaseAsync(string? phase, CancellationToken cancellationToken) =>
        editor.PhaseAsync(Pager.ReadNumber(phase), cancellationToken);

    private Task<int> PhaseNumberAsync(int phaseId, CancellationToken cancellationToken) => editor.PhaseNumberAsync(phaseId, cancellationToken);

    private Task<int> NextNumberAsync(int phaseId, CancellationToken cancellationToken) => editor.NextNumberAsync(phaseId, cancellationToken);

    private Task<HashSet<int>> ItemNumbersAsync(int phaseId, CancellationToken cancellationToken) => editor.ItemNumbersAsync(phaseId, cancellationToken);
}
