using System.Globalization;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Roadmap;
using PhaseTracker.Web.Features.Settings;
using PhaseTracker.Web.Infrastructure.Api;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Adrs;

/// <summary>
/// The decision records for scripts: the same rules as the forms (<see cref="DecisionRecordEditor"/>),
/// with ETags for optimistic concurrency and ProblemDetails for every error.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.CanRead)]
public sealed class AdrsApiController(PhaseTrackerDbContext db, DecisionRecordEditor editor) : ControllerBase
{
    private const string Kind = "adr";

    /// <summary>Lists the decision records by number, filtered by status word and phase, a page at a time (up to 1,000 a page).</summary>
    /// <param name="status">The status's first word: Proposed, Accepted, Rejected, Deprecated or Superseded.</param>
    /// <param name="phase">A phase number; every phase when left out.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Records a page, 1 to 1,000 (100 when left out).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    [HttpGet("/api/adrs")]
    [ProducesResponseType<ApiPage<AdrDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ApiPage<AdrDto>>> List(string? status, int? phase, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var phases = await db.Phases.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Number, cancellationToken);
        if (phase is { } wanted && !phases.ContainsValue(wanted))
        {
            return NoPhase(wanted);
        }

        var query = db.DecisionRecords.AsNoTracking();
        if (phase is { } number)
        {
            var phaseId = phases.Single(p => p.Value == number).Key;
            query = query.Where(d => d.PhaseId == phaseId);
        }

        // The status word is read from the text as written ("Accepted ✅"), so the filter runs here, not in SQL;
        // a workspace has tens of records, not thousands.
        var records = await query.OrderBy(d => d.Number).ToListAsync(cancellationToken);
        var word = string.IsNullOrWhiteSpace(status) ? null : status.Trim();
        var matching = word is null ? records : [.. records.Where(r => string.Equals(AdrName.StatusWord(r.Status), word, StringComparison.OrdinalIgnoreCase))];
        var (shown, size) = ApiPaging.Normalize(page, pageSize);
        var items = matching.Skip((shown - 1) * size).Take(size).Select(r => AdrDto.Of(r, phases[r.PhaseId])).ToList();
        return new ApiPage<AdrDto>(items, shown, size, matching.Count);
    }

    /// <summary>Reads one decision record; the ETag header is what an update or delete sends back in If-Match.</summary>
    /// <param name="number">The ADR number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    [HttpGet("/api/adrs/{number:int}")]
    [ProducesResponseType<AdrDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<AdrDto>> Get(int number, CancellationToken cancellationToken)
    {
        var record = await db.DecisionRecords.AsNoTracking().SingleOrDefaultAsync(d => d.Number == number, cancellationToken);
        return record is null ? NoRecord(number) : await AnswerAsync(record, cancellationToken);
    }

    /// <summary>Writes a new decision record, Proposed, with the next number never handed out before.</summary>
    /// <param name="input">The record's values; a missing date is today, written like the phase's other dates.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    [HttpPost("/api/adrs")]
    [Authorize(Policy = Policies.CanEdit)]
    [ProducesResponseType<AdrDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<AdrDto>> Create(AdrInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var phase = await editor.PhaseAsync(input.Phase, cancellationToken);
        var form = input.ToForm();
        var errors = form.Errors(null);
        if (phase is null)
        {
            FieldErrors.Add(errors, "phase", input.Phase is { } n ? $"There is no phase {n.ToString(CultureInfo.InvariantCulture)}." : "There is no phase yet; import a document first.");
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var values = new DecisionRecord();
        form.ApplyTo(values);
        values.Date ??= await editor.TodayLikeAsync(phase!.Value.Id, cancellationToken);
        var record = await editor.CreateAsync(Actor.Api(User), phase!.Value.Id, phase.Value.Number, values, cancellationToken);
        RowVersionETag.Set(Response, Kind, record.Number, record.RowVersion);
        return Created(ApiUrl(record.Number), AdrDto.Of(record, phase.Value.Number));
    }

    /// <summary>Replaces a record's title, date, context, decision, consequences and alternatives (If-Match required).</summary>
    /// <param name="number">The ADR number.</param>
    /// <param name="input">The values; the phase and the status stay.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    [HttpPut("/api/adrs/{number:int}")]
    [Authorize(Policy = Policies.CanEdit)]
    [ProducesResponseType<AdrDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<ActionResult<AdrDto>> Update(int number, AdrInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await db.DecisionRecords.SingleOrDefaultAsync(d => d.Number == number, cancellationToken);
        if (record is null)
        {
            return NoRecord(number);
        }

        if (RowVersionETag.Precondition(this, Kind, record.Number, record.RowVersion) is { } precondition)
        {
            return (ActionResult)precondition;
        }

        var form = input.ToForm();
        if (form.Errors(record) is { Count: > 0 } errors)
        {
            return Invalid(errors);
        }

        return await AnswerAsync(await editor.UpdateAsync(Actor.Api(User), record, record.RowVersion, form.ApplyTo, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Moves a record along its lifecycle (If-Match required): Proposed to Accepted or Rejected, Accepted to
    /// Deprecated or Superseded by another record (which then names this one in its "Supersedes").
    /// </summary>
    /// <param name="number">The ADR number.</param>
    /// <param name="input">The status to move to, and with Superseded the newer record's number.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    [HttpPost("/api/adrs/{number:int}/status")]
    [Authorize(Policy = Policies.CanEdit)]
    [ProducesResponseType<AdrDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<ActionResult<AdrDto>> ChangeStatus(int number, AdrStatusInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await db.DecisionRecords.SingleOrDefaultAsync(d => d.Number == number, cancellationToken);
        if (record is null)
        {
            return NoRecord(number);
        }

        if (RowVersionETag.Precondition(this, Kind, record.Number, record.RowVersion) is { } precondition)
        {
            return (ActionResult)precondition;
        }

        return await AnswerAsync(await editor.ChangeStatusAsync(Actor.Api(User), record, record.RowVersion, input.To, input.By, cancellationToken), cancellationToken);
    }

    /// <summary>Deletes a record (If-Match required), with a history entry; its number is never handed out again.</summary>
    /// <param name="number">The ADR number.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    [HttpDelete("/api/adrs/{number:int}")]
    [Authorize(Policy = Policies.CanEdit)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<IActionResult> Delete(int number, CancellationToken cancellationToken)
    {
        var record = await db.DecisionRecords.SingleOrDefaultAsync(d => d.Number == number, cancellationToken);
        if (record is null)
        {
            return NoRecord(number);
        }

        if (RowVersionETag.Precondition(this, Kind, record.Number, record.RowVersion) is { } precondition)
        {
            return precondition;
        }

        var result = await editor.DeleteAsync(Actor.Api(User), record, record.RowVersion, cancellationToken);
        return result.Status is EditStatus.Saved ? NoContent() : (await AnswerAsync(result, cancellationToken)).Result!;
    }

    /// <summary>The editor's outcome as the API answers it.</summary>
    private async Task<ActionResult<AdrDto>> AnswerAsync(EditResult<DecisionRecord> result, CancellationToken cancellationToken) => result.Status switch
    {
        EditStatus.Saved or EditStatus.Unchanged => await AnswerAsync(result.Record!, cancellationToken),
        EditStatus.Invalid => Invalid(result.Errors),
        EditStatus.Refused => Problem(statusCode: StatusCodes.Status409Conflict, title: "The decision record cannot make that change", detail: result.Refusal),
        EditStatus.Conflict => Changed(result.Record!),
        _ => Problem(statusCode: StatusCodes.Status404NotFound, title: "No such decision record", detail: "The decision record was deleted while you saved it."),
    };

    private async Task<ActionResult<AdrDto>> AnswerAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        RowVersionETag.Set(Response, Kind, record.Number, record.RowVersion);
        return AdrDto.Of(record, await editor.PhaseNumberAsync(record.PhaseId, cancellationToken));
    }

    private ObjectResult Changed(DecisionRecord stored)
    {
        Response.Headers.ETag = RowVersionETag.For(Kind, stored.Number, stored.RowVersion);
        return Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The record changed while you saved",
            detail: $"{Tracking.Values.AdrName(stored.Number)} was saved by someone else meanwhile (now {RowVersionETag.For(Kind, stored.Number, stored.RowVersion)}): read it again and reapply your change.");
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

    private ObjectResult NoRecord(int number) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "No such decision record", detail: $"There is no {Tracking.Values.AdrName(number)}.");

    private ObjectResult NoPhase(int number) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "No such phase", detail: $"There is no phase {number.ToString(CultureInfo.InvariantCulture)}.");

    private static string ApiUrl(int number) => "/api/adrs/" + number.ToString(CultureInfo.InvariantCulture);
}
