using System.Globalization;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Api;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>
/// The roadmap for scripts: a phase's weeks, and adding, changing and deleting a week with the week form's
/// rules (<see cref="RoadmapEditor"/>), ETags for optimistic concurrency and ProblemDetails for every error.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.CanRead)]
public sealed class RoadmapApiController(PhaseTrackerDbContext db, RoadmapEditor editor) : ControllerBase
{
    private const string Kind = "week";

    /// <summary>A phase's roadmap: every week with its day blocks (days, title, tasks, linked item numbers) and the overlap warnings.</summary>
    /// <param name="phase">The phase number; the current phase when left out.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    [HttpGet("/api/roadmap")]
    [ProducesResponseType<RoadmapDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<RoadmapDto>> Get(int? phase, CancellationToken cancellationToken)
    {
        var found = await db.Phases.AsNoTracking().NumberedOrCurrent(phase)
            .Select(p => new { p.Id, p.Number, p.Title })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such phase",
                detail: phase is { } n ? $"There is no phase {n.ToString(CultureInfo.InvariantCulture)}." : "There is no phase yet; import a document first.");
        }

        var weeks = await db.RoadmapWeeks.AsNoTracking()
            .Where(w => w.PhaseId == found.Id)
            .OrderBy(w => w.Number).ThenBy(w => w.Line).ThenBy(w => w.Id)
            .ToListAsync(cancellationToken);
        return new RoadmapDto(found.Number, found.Title, [.. weeks.Select(w => RoadmapWeekDto.Of(w, found.Number))]);
    }

    /// <summary>Reads one week; the ETag header is what an update or delete sends back in If-Match.</summary>
    /// <param name="id">The week's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    [HttpGet("/api/roadmap/weeks/{id:int}")]
    [ProducesResponseType<RoadmapWeekDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<RoadmapWeekDto>> GetWeek(int id, CancellationToken cancellationToken)
    {
        var week = await db.RoadmapWeeks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        return week is null ? NoWeek(id) : await AnswerAsync(week, cancellationToken);
    }

    /// <summary>Adds a week to a phase's roadmap, numbered after its last week.</summary>
    /// <param name="input">The phase (the current one when left out), the theme and the day blocks.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    [HttpPost("/api/roadmap/weeks")]
    [Authorize(Policy = Policies.CanEdit)]
    [ProducesResponseType<RoadmapWeekDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<RoadmapWeekDto>> Create(RoadmapWeekInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var phase = await editor.PhaseAsync(input.Phase, cancellationToken);
        var form = input.ToForm();
        if (phase is null)
        {
            return Invalid(new Dictionary<string, string[]>
            {
                ["phase"] = [input.Phase is { } n ? $"There is no phase {n.ToString(CultureInfo.InvariantCulture)}." : "There is no phase yet; import a document first."],
            });
        }

        var (phaseId, phaseNumber) = phase.Value;
        var known = await editor.ItemNumbersAsync(phaseId, cancellationToken);
        if (form.Errors(known) is { Count: > 0 } errors)
        {
            return Invalid(errors);
        }

        var week = await editor.AddAsync(Actor.Api(User), phaseId, phaseNumber, form.Theme!, form.ToBlocks(known), cancellationToken);
        RowVersionETag.Set(Response, Kind, week.Id, week.RowVersion);
        return Created("/api/roadmap/weeks/" + week.Id.ToString(CultureInfo.InvariantCulture), RoadmapWeekDto.Of(week, phaseNumber));
    }

    /// <summary>Replaces a week's theme and day blocks (If-Match required).</summary>
    /// <param name="id">The week's id.</param>
    /// <param name="input">The theme and the blocks; the phase stays.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    [HttpPut("/api/roadmap/weeks/{id:int}")]
    [Authorize(Policy = Policies.CanEdit)]
    [ProducesResponseType<RoadmapWeekDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<ActionResult<RoadmapWeekDto>> Update(int id, RoadmapWeekInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var week = await db.RoadmapWeeks.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (week is null)
        {
            return NoWeek(id);
        }

        if (RowVersionETag.Precondition(this, Kind, week.Id, week.RowVersion) is { } precondition)
        {
            return (ActionResult)precondition;
        }

        var form = input.ToForm();
        var known = await editor.ItemNumbersAsync(week.PhaseId, cancellationToken);
        if (form.Errors(known) is { Count: > 0 } errors)
        {
            return Invalid(errors);
        }

        var result = await editor.UpdateAsync(Actor.Api(User), week, week.RowVersion, form.Theme!, form.ToBlocks(known), cancellationToken);
        return await AnswerAsync(result, cancellationToken);
    }

    /// <summary>Deletes a week from its roadmap (If-Match required), with a history entry that keeps what it held.</summary>
    /// <param name="id">The week's id.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    [HttpDelete("/api/roadmap/weeks/{id:int}")]
    [Authorize(Policy = Policies.CanEdit)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var week = await db.RoadmapWeeks.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (week is null)
        {
            return NoWeek(id);
        }

        if (RowVersionETag.Precondition(this, Kind, week.Id, week.RowVersion) is { } precondition)
        {
            return precondition;
        }

        var result = await editor.DeleteAsync(Actor.Api(User), week, week.RowVersion, cancellationToken);
        return result.Status is EditStatus.Saved ? NoContent() : (await AnswerAsync(result, cancellationToken)).Result!;
    }

    /// <summary>The editor's outcome as the API answers it.</summary>
    private async Task<ActionResult<RoadmapWeekDto>> AnswerAsync(EditResult<RoadmapWeek> result, CancellationToken cancellationToken) => result.Status switch
    {
        EditStatus.Saved or EditStatus.Unchanged => await AnswerAsync(result.Record!, cancellationToken),
        EditStatus.Invalid => Invalid(result.Errors),
        EditStatus.Refused => Problem(statusCode: StatusCodes.Status409Conflict, title: "The week cannot make that change", detail: result.Refusal),
        EditStatus.Conflict => Changed(result.Record!),
        _ => Problem(statusCode: StatusCodes.Status404NotFound, title: "No such week", detail: "The week was deleted while you saved it."),
    };

    private async Task<ActionResult<RoadmapWeekDto>> AnswerAsync(RoadmapWeek week, CancellationToken cancellationToken)
    {
        RowVersionETag.Set(Response, Kind, week.Id, week.RowVersion);
        return RoadmapWeekDto.Of(week, await editor.PhaseNumberAsync(week.PhaseId, cancellationToken));
    }

    private ObjectResult Changed(RoadmapWeek stored)
    {
        var etag = RowVersionETag.For(Kind, stored.Id, stored.RowVersion);
        Response.Headers.ETag = etag;
        return Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The week changed while you saved",
            detail: $"Week {stored.Number.ToString(CultureInfo.InvariantCulture)} was saved by someone else meanwhile (now {etag}): read it again and reapply your change.");
    }

    private ActionResult Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (key, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }

        return ValidationProblem(ModelState);
    }

    private ObjectResult NoWeek(int id) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "No such week", detail: $"There is no roadmap week with id {id.ToString(CultureInfo.InvariantCulture)}.");
}
