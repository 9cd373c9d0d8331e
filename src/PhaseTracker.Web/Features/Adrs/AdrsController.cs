using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Adrs;

public sealed class AdrsController(AdrsQuery query) : Controller
{
    [HttpGet("/adrs")]
    public async Task<IActionResult> Index([FromQuery] string? status, [FromQuery] int? page, CancellationToken cancellationToken) =>
        View(await query.ListAsync(status, page ?? 1, cancellationToken));

    /// <summary>One record by its ADR number: <c>/adrs/4</c> is ADR-004.</summary>
    [HttpGet("/adrs/{number:int}")]
    public async Task<IActionResult> Details(int number, CancellationToken cancellationToken) =>
        await query.GetAsync(number, cancellationToken) is { } record ? View(record) : NotFound();
}
