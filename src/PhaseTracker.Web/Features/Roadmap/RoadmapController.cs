using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Web.Features.Matrix;

namespace PhaseTracker.Web.Features.Roadmap;

public sealed class RoadmapController(RoadmapQuery query) : Controller
{
    /// <summary>
    /// The roadmap of a phase (the current one unless <c>phase</c> names another), a page of weeks at a
    /// time; <c>week</c> picks the page that holds that week.
    /// </summary>
    /// <param name="done">After a save: "added", "saved" or "unchanged", for the confirmation of the week named by <paramref name="week"/>.</param>
    [HttpGet("/roadmap")]
    public async Task<IActionResult> Index(string? phase, string? page, string? week, string? done, CancellationToken cancellationToken)
    {
        var weekNumber = Pager.ReadNumber(week);
        if (await query.GetAsync(Pager.ReadNumber(phase), Pager.ReadPage(page), weekNumber, cancellationToken) is not { } model)
        {
            return NotFound();
        }

        var confirmation = weekNumber is { } number ? done switch
        {
            "added" => $"Week {number} added.",
            "saved" => $"Week {number} saved.",
            "unchanged" => $"Week {number} had no changes; nothing was saved.",
            "restored" => $"Week {number} restored.",
            _ => null,
        } : null;
        return View(model with { Confirmation = confirmation });
    }
}
