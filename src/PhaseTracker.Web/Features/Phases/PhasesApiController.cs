using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Roadmap;
using PhaseTracker.Web.Infrastructure.Api;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Phases;

/// <summary>
/// The phases as JSON: each phase's overview (title, purpose, status, timeline) with its item count and
/// hours. A phase's address and ETag use its number (<c>"phase-2-v3"</c>).
/// </summary>
[ApiController]
[PreconditionsFirst]
[Route("api/phases")]
[Authorize(Policy = Policies.CanRead)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
public sealed class PhasesApiController(PhaseTrackerDbContext db, HistoryRecorder recorder, PhaseEditor editor) : ControllerBase
{
    private const string Kind = "phase";

    [HttpGet]
    [EndpointSummary("List the phases, the current one marked")]
    [ProducesResponseType<IReadOnlyList<PhaseDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IReadOnlyList<PhaseDto>> List(CancellationToken cancellationToken)
    {
        var phases = await ReadAsync(db.Phases.AsNoTracking(), cancellationToken);
        return [.. phases.OrderBy(p => p.Number)];
    }

    [HttpGet("{number:int}")]
    [EndpointSummary("Read one phase's overview (its ETag is the version to send back in If-Match)")]
    [ProducesResponseType<PhaseDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<PhaseDto>> Get(int number, CancellationToken cancellationToken)
    {
        var phase = (await ReadAsync(db.Phases.AsNoTracking().Where(p => p.Number == number), cancellationToken)).FirstOrDefault();
        if (phase is null)
        {
            return NoSuchPhase(number);
        }

        RowVersionETag.Set(Response, Kind, phase.Number, phase.RowVersion);
        return phase;
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanEdit)]
    [EndpointSummary("Create an empty phase with a number")]
    [ProducesResponseType<PhaseDto>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<PhaseDto>> Create(NewPhaseInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || input is null)
        {
            return ValidationProblem(ModelState);
        }

        var errors = new ModelStateDictionary();
        if (input.Number is not { } number || number < 1)
        {
            errors.AddModelError("number", "Give the new phase a number from 1 up.");
        }
        else if (await db.Phases.AnyAsync(p => p.Number == number, cancellationToken))
        {
            errors.AddModelError("number", $"Phase {number} already exists; pick another number.");
        }

        var title = string.IsNullOrWhiteSpace(input.Title) ? $"Phase {input.Number} Tracking — Deferred Items" : input.Title;
        PhaseEditor.Validate(input, title, errors, ApiKey);
        if (!errors.IsValid)
        {
            return ValidationProblem(errors);
        }

        var phase = new Phase { Number = input.Number!.Value };
        PhaseEditor.Apply(phase, input, title);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Phases.Add(phase);
        await db.SaveChangesAsync(cancellationToken);
        recorder.Record(Actor.Api(User), HistoryRecordType.Phase, phase.Id, phase.Number, HistoryFields.LabelOf(phase), HistoryAction.Created, HistoryFields.None, HistoryFields.Of(phase));
        await db.BumpDataVersionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var created = (await ReadAsync(db.Phases.AsNoTracking().Where(p => p.Id == phase.Id), cancellationToken)).Single();
        RowVersionETag.Set(Response, Kind, created.Number, created.RowVersion);
        return Created($"/api/phases/{created.Number}", created);
    }

    [HttpPut("{number:int}")]
    [Authorize(Policy = Policies.CanEdit)]
    [EndpointSummary("Replace a phase's overview: title, purpose, status, timeline (If-Match required)")]
    [ProducesResponseType<PhaseDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<ActionResult<PhaseDto>> Update(int number, PhaseInput input, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.FirstOrDefaultAsync(p => p.Number == number, cancellationToken);
        if (phase is null)
        {
            return NoSuchPhase(number);
        }

        if (RowVersionETag.Precondition(this, Kind, phase.Number, phase.RowVersion) is { } refused)
        {
            return (ActionResult)refused;
        }

        if (!ModelState.IsValid || input is null)
        {
            return ValidationProblem(ModelState);
        }

        var errors = new ModelStateDictionary();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.AddModelError("title", "Give the phase a title.");
        }

        PhaseEditor.Validate(input, input.Title, errors, ApiKey, phase);
        if (!errors.IsValid)
        {
            return ValidationProblem(errors);
        }

        // Where nothing changed nothing is written, so the export stays byte-identical.
        var result = await editor.SaveAsync(Actor.Api(User), phase, phase.RowVersion, input, cancellationToken);
        if (result.Status is EditStatus.Conflict or EditStatus.NotFound)
        {
            return SaveConflict(number);
        }

        db.ChangeTracker.Clear();
        var saved = (await ReadAsync(db.Phases.AsNoTracking().Where(p => p.Id == phase.Id), cancellationToken)).Single();
        RowVersionETag.Set(Response, Kind, saved.Number, saved.RowVersion);
        return saved;
    }

    [HttpDelete("{number:int}")]
    [Authorize(Policy = Policies.CanEdit)]
    [EndpointSummary("Delete a phase that has no items or ADRs left (If-Match required)")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<IActionResult> Delete(int number, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.FirstOrDefaultAsync(p => p.Number == number, cancellationToken);
        if (phase is null)
        {
            return NoSuchPhase(number);
        }

        if (RowVersionETag.Precondition(this, Kind, phase.Number, phase.RowVersion) is { } refused)
        {
            return refused;
        }

        var items = await db.DeferredItems.CountAsync(i => i.PhaseId == phase.Id, cancellationToken);
        var adrs = await db.DecisionRecords.CountAsync(d => d.PhaseId == phase.Id, cancellationToken);
        if (items + adrs > 0)
        {
            return Problem(statusCode: StatusCodes.Status409Conflict, title: "The phase is not empty",
                detail: $"Phase {number} still has {items} item(s) and {adrs} ADR(s): delete or defer them first.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        recorder.Record(Actor.Api(User), HistoryRecordType.Phase, phase.Id, phase.Number, HistoryFields.LabelOf(phase), HistoryAction.Deleted, HistoryFields.Of(phase), HistoryFields.None);
        db.Phases.Remove(phase);
        try
        {
            await db.BumpDataVersionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            return SaveConflict(number);
        }

        return NoContent();
    }

    /// <summary>The phases with their counts, in one query; the current phase is the first <see cref="PhaseQueries.CurrentFirst"/> gives.</summary>
    private async Task<List<PhaseDto>> ReadAsync(IQueryable<Phase> phases, CancellationToken cancellationToken)
    {
        var currentId = await db.Phases.AsNoTracking().CurrentFirst().Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return await phases
            .Select(p => new PhaseDto(
                p.Number, p.Title, p.Purpose, p.StatusLine, p.Timeline, p.Id == currentId,
                db.DeferredItems.Count(i => i.PhaseId == p.Id),
                db.DeferredItems.Where(i => i.PhaseId == p.Id).Sum(i => i.EffortHours) ?? 0,
                p.RowVersion))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The API names fields in camel case ("title"), as its JSON does.</summary>
    private static string ApiKey(string field) => field;

    private ObjectResult NoSuchPhase(int number) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "No such phase", detail: $"There is no phase {number}.");

    private ObjectResult SaveConflict(int number) =>
        Problem(statusCode: StatusCodes.Status409Conflict, title: "Another change was saved at the same time",
            detail: $"Someone changed phase {number} while this change was being saved: read it again (GET /api/phases/{number}), reapply your change, and send the new ETag.");
}
