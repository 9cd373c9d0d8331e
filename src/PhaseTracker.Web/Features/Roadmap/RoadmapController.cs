using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Web.Features.Matrix;

namespace PhaseTracker.Web.Features.Roadmap;

public sealed class RoadmapController(RoadmapQuery query) : Controller
{
    /// <summary>
    /// The roadmap of a phase (the current one unless <c>phase</c> names another), a page of weeks at a
    /// time; <c>week</c> picks the page that holds that week.
    /// </summary>
    [HttpGet("/roadmap")]
    public async Task<IActionResult> Index(string? phase, string? page, string? week, CancellationToken cancellationToken) =>
        await query.GetAsync(Pager.ReadNumber(phase), Pager.ReadPage(page), Pager.ReadNumber(week), cancellationToken) is { } model ? View(model) : NotFound();
}
