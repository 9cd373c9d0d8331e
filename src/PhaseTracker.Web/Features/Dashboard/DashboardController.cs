using System.Globalization;

using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Dashboard;

public sealed class DashboardController(DashboardQuery query) : Controller
{
    /// <summary>The current phase's dashboard, or phase N's with <c>?phase=N</c>.</summary>
    /// <param name="done">After the overview form: "saved" or "unchanged", for its confirmation.</param>
    [HttpGet("/")]
    public async Task<IActionResult> Index(string? phase, string? done, CancellationToken cancellationToken)
    {
        int? number = int.TryParse(phase, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (await query.GetAsync(number, cancellationToken) is not { } model)
        {
            return NotFound();
        }

        var confirmation = done switch
        {
            "saved" => "Overview saved.",
            "unchanged" => "Nothing changed in the overview; nothing was saved.",
            _ => null,
        };
        return View(model with { Confirmation = confirmation });
    }
}
