using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Api;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Items;

/// <summary>
/// The items as JSON, for scripts: the same rules as the forms (<see cref="ItemEditor"/>), the history
/// says "via API", and every change names the version it was read at in If-Match.
/// </summary>
[ApiController]
[PreconditionsFirst]
[Route("api/items")]
[Authorize(Policy = Policies.CanRead)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
public sealed class ItemsApiController(PhaseTrackerDbContext db, ItemEditor editor, ItemsApiQuery query) : ControllerBase
{
    private const string Kind = "item";

    /// <summary>Lists items, filtered and sorted as on the items page, one page at a time.</summary>
    /// <param name="phase">A phase number, or "all"; the current phase when left out.</param>
    /// <param name="status">"open", "complete", or a status label as the document writes it.</param>
    /// <param name="priority">P0 to P3.</param>
    /// <param name="owner">The owner, exactly.</param>
    /// <param name="q">Words that must all appear in the item.</param>
    /// <param name="sort">number, title, priority, effort, owner or status.</param>
    /// <param name="dir">asc or desc.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Items per page, 1 to 1,000 (100 when left out).</param>
    [HttpGet]
    [EndpointSummary("List items")]
    [ProducesResponseType<ApiPage<ItemDto>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ApiPage<ItemDto>> List(
        string? phase, string? status, string? priority, string? owner, string? q, string? sort, string? dir, int? page, int? pageSize,
        CancellationToken cancellationToken) =>
        await query.ListAsync(ItemFilter.Read(phase, status, priority, owner, q, sort, dir, null), page, pageSize, Origin, cancellationToken);

    [HttpGet("{id:int}", Name = "GetItem")]
    [EndpointSummary("Read one item (its ETag is the version to send back in If-Match)")]
    [ProducesResponseType<ItemDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ItemDto>> Get(int id, CancellationToken cancellationToken)
    {
        if (await query.GetAsync(id, Origin, cancellationToken) is not { } item)
        {
            return NoSuchItem(id);
        }

        RowVersionETag.Set(Response, Kind, item.Id, item.RowVersion);
        return item;
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanEdit)]
    [EndpointSummary("Create an item (in the current phase unless phase is given)")]
    [ProducesResponseType<ItemDto>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<ItemDto>> Create(ItemInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || input is null)
        {
            return ValidationProblem(ModelState);
        }

        var phase = await db.Phases.NumberedOrCurrent(input.Phase).FirstOrDefaultAsync(cancellationToken);
        var form = input.ToForm();
        var errors = new ModelStateDictionary();
        if (phase is null)
        {
            errors.AddModelError(nameof(ItemInput.Phase), input.Phase is { } n ? $"There is no phase {n}." : "There is no phase yet: create one first.");
        }

        await editor.ValidateAsync(form, null, errors, annotations: true, cancellationToken);
        if (!errors.IsValid)
        {
            return ValidationProblem(ItemInput.ErrorsByField(errors));
        }

        var item = await editor.CreateAsync(phase!, form, Actor.Api(User), cancellationToken);
        RowVersionETag.Set(Response, Kind, item.Id, item.RowVersion);
        return Created($"/api/items/{item.Id}", ItemDto.From(item, Origin));
    }

    [HttpPut("{id:int}")]
    [Authorize(Policy = Policies.CanEdit)]
    [EndpointSummary("Replace an item's editable fields (If-Match required; a PUT that changes nothing writes nothing)")]
    [ProducesResponseType<ItemDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<ActionResult<ItemDto>> Update(int id, ItemInput input, CancellationToken cancellationToken)
    {
        var item = await LoadAsync(id, cancellationToken);
        if (item is null)
        {
            return NoSuchItem(id);
        }

        if (RowVersionETag.Precondition(this, Kind, item.Id, item.RowVersion) is { } refused)
        {
            return Refused(refused);
        }

        if (!ModelState.IsValid || input is null)
        {
            return ValidationProblem(ModelState);
        }

        var form = input.ToForm();
        var errors = new ModelStateDictionary();
        await editor.ValidateAsync(form, item, errors, annotations: true, cancellationToken);
        if (!errors.IsValid)
        {
            return ValidationProblem(ItemInput.ErrorsByField(errors));
        }

        return Answer(await editor.UpdateAsync(item, form, Actor.Api(User), cancellationToken));
    }

    [HttpDelete("{id:int}")]
    [Authorize(Policy = Policies.CanEdit)]
    [EndpointSummary("Delete an item (If-Match required; it can be restored from the history page)")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var item = await LoadAsync(id, cancellationToken);
        if (item is null)
        {
            return NoSuchItem(id);
        }

        if (RowVersionETag.Precondition(this, Kind, item.Id, item.RowVersion) is { } refused)
        {
            return refused;
        }

        var save = await editor.DeleteAsync(item, Actor.Api(User), cancellationToken);
        return save.Outcome == ItemSaveOutcome.Conflict ? SaveConflict(id) : NoContent();
    }

    [HttpPost("{id:int}/defer")]
    [Authorize(Policy = Policies.CanEdit)]
    [EndpointSummary("Defer an open item to the next phase (If-Match required)")]
    [ProducesResponseType<ItemDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<ActionResult<ItemDto>> Defer(int id, DeferInput input, CancellationToken cancellationToken)
    {
        var item = await LoadAsync(id, cancellationToken);
        if (item is null)
        {
            return NoSuchItem(id);
        }

        if (RowVersionETag.Precondition(this, Kind, item.Id, item.RowVersion) is { } refused)
        {
            return Refused(refused);
        }

        if (!ModelState.IsValid || input is null)
        {
            return ValidationProblem(ModelState);
        }

        var errors = new ModelStateDictionary();
        ItemEditor.ValidateDeferral(item, input.Reason, errors, annotations: true);
        if (!errors.IsValid)
        {
            return ValidationProblem(ItemInput.ErrorsByField(errors));
        }

        return Answer(await editor.DeferAsync(item, input.Reason!, Actor.Api(User), cancellationToken));
    }

    [HttpPost("{id:int}/complete")]
    [Authorize(Policy = Policies.CanEdit)]
    [EndpointSummary("Mark an item complete (If-Match required)")]
    [ProducesResponseType<ItemDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json")]
    public async Task<ActionResult<ItemDto>> Complete(int id, CompleteInput input, CancellationToken cancellationToken)
    {
        var item = await LoadAsync(id, cancellationToken);
        if (item is null)
        {
            return NoSuchItem(id);
        }

        if (RowVersionETag.Precondition(this, Kind, item.Id, item.RowVersion) is { } refused)
        {
            return Refused(refused);
        }

        if (!ModelState.IsValid || input is null)
        {
            return ValidationProblem(ModelState);
        }

        var form = new ItemForm
        {
            CompletedOn = string.IsNullOrWhiteSpace(input.CompletedOn) ? await editor.SuggestedCompletionDateAsync(item, cancellationToken) : input.CompletedOn,
            PullRequest = input.PullRequest,
            ChangesToPlan = input.ChangesToPlan ?? [.. item.ChangesToPlan],
        };
        var errors = new ModelStateDictionary();
        await editor.ValidateCompletionAsync(form, item, errors, cancellationToken);
        if (!errors.IsValid)
        {
            return ValidationProblem(ItemInput.ErrorsByField(errors));
        }

        return Answer(await editor.CompleteAsync(item, form, Actor.Api(User), cancellationToken));
    }

    /// <summary>The app's address as this request reached it, for the items' page links.</summary>
    private string Origin => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    private Task<DeferredItem?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.DeferredItems.Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    private ActionResult<ItemDto> Answer(ItemSave save)
    {
        if (save.Outcome == ItemSaveOutcome.Conflict)
        {
            return SaveConflict(save.Item?.Id ?? 0);
        }

        var item = save.Item!;
        RowVersionETag.Set(Response, Kind, item.Id, item.RowVersion);
        return ItemDto.From(item, Origin);
    }

    private static ActionResult<ItemDto> Refused(IActionResult refused) => (ActionResult)refused;

    private ObjectResult NoSuchItem(int id) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "No such item", detail: $"There is no item {id}; it may have been deleted.");

    private ObjectResult SaveConflict(int id) =>
        Problem(statusCode: StatusCodes.Status409Conflict, title: "Another change was saved at the same time",
            detail: $"Someone saved item {id} while this change was being saved: read it again (GET /api/items/{id}), reapply your change, and send the new ETag.");
}
