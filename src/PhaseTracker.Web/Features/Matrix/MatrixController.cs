using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Matrix;

public sealed class MatrixController(MatrixQuery query) : Controller
{
    /// <summary>The priority matrix of a phase (the current one unless <c>phase</c> names another), its table paged.</summary>
    [HttpGet("/matrix")]
    public async Task<IActionResult> Index(string? phase, string? page, CancellationToken cancellationToken) =>
        await query.GetAsync(Pager.ReadNumber(phase), Pager.ReadPage(page), cancellationToken) is { } model ? View(model) : NotFound();
}
