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
public sealed class RoadmapWeeksController(PhaseTrackerDbContext db, HistoryRecorder recorder) : Controller
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var week = new RoadmapWeek
        {
            PhaseId = phaseId,
            Number = await NextNumberAsync(phaseId, cancellationToken),
            Theme = form.Theme!.Trim(),
            Blocks = form.ToBlocks(await ItemNumbersAsync(phaseId, cancellationToken)),
        };
        db.RoadmapWeeks.Add(week);
        await db.SaveChangesAsync(cancellationToken);
        recorder.Record(Actor.Form(User), HistoryRecordType.RoadmapWeek, week.Id, phaseNumber, HistoryFields.LabelOf(week), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(week));
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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

        var yours = new RoadmapWeek { Number = week.Number, Theme = form.Theme!.Trim(), Blocks = form.ToBlocks(await ItemNumbersAsync(week.PhaseId, cancellationToken)) };
        if (rowVersion != week.RowVersion)
        {
            return await ConflictAsync(week, yours, phaseNumber, cancellationToken);
        }

        // Nothing changed: nothing is written, so the export stays byte-identical and no history appears.
        if (week.Theme == yours.Theme && JsonColumn.Serialize(week.Blocks) == JsonColumn.Serialize(yours.Blocks))
        {
            return Redirect(RoadmapUrl(phaseNumber, week.Number, "unchanged"));
        }

        var before = HistoryFields.Of(week);
        week.Theme = yours.Theme;
        week.Blocks = yours.Blocks;
        week.RowVersion++;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        recorder.Record(Actor.Form(User), HistoryRecordType.RoadmapWeek, week.Id, phaseNumber, HistoryFields.LabelOf(week), HistoryAction.Changed, before, HistoryFields.Of(week));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var stored = await db.RoadmapWeeks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
            return stored is null ? NotFound() : await ConflictAsync(stored, yours, phaseNumber, cancellationToken);
        }

        await db.BumpDataVersionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect(RoadmapUrl(phaseNumber, week.Number, "saved"));
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
        var changedBy = await db.HistoryEntries.AsNoTracking()
            .Where(h => h.RecordType == HistoryRecordType.RoadmapWeek && h.RecordId == stored.Id)
            .OrderByDescending(h => h.Id)
            .Select(h => h.Actor)
            .FirstOrDefaultAsync(cancellationToken);
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

    private async Task<(int Id, int Number)?> PhaseAsync(string? phase, CancellationToken cancellationToken)
    {
        var found = await db.Phases.AsNoTracking().NumberedOrCurrent(Pager.ReadNumber(phase))
            .Select(p => new { p.Id, p.Number })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Number);
    }

    private Task<int> PhaseNumberAsync(int phaseId, CancellationToken cancellationToken) =>
        db.Phases.AsNoTracking().Where(p => p.Id == phaseId).Select(p => p.Number).SingleAsync(cancellationToken);

    private async Task<int> NextNumberAsync(int phaseId, CancellationToken cancellationToken) =>
        (await db.RoadmapWeeks.Where(w => w.PhaseId == phaseId).MaxAsync(w => (int?)w.Number, cancellationToken) ?? 0) + 1;

    private async Task<HashSet<int>> ItemNumbersAsync(int phaseId, CancellationToken cancellationToken) =>
        [.. await db.DeferredItems.AsNoTracking().Where(i => i.PhaseId == phaseId).Select(i => i.Number).ToListAsync(cancellationToken)];
}
