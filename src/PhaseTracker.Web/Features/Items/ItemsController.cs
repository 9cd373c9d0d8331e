using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Items;

public sealed class ItemsController(ItemsQuery items, ItemDetailsQuery details) : Controller
{
    /// <summary>The list; every filter, the sort and the page are in the query string.</summary>
    [HttpGet("/items")]
    public async Task<IActionResult> Index(
        string? phase, string? status, string? priority, string? owner, string? q, string? sort, string? dir, string? page,
        CancellationToken cancellationToken) =>
        View(await items.GetAsync(ItemFilter.Read(phase, status, priority, owner, q, sort, dir, page), cancellationToken));

    [HttpGet("/items/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await details.GetAsync(id, cancellationToken) is { } item ? View(item) : NotFound();
}
