using System.Globalization;

using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Dashboard;

public sealed class DashboardController(DashboardQuery query) : Controller
{
    /// <summary>The current phase's dashboard, or phase N's with <c>?phase=N</c>.</summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index(string? phase, CancellationToken cancellationToken)
    {
        int? number = int.TryParse(phase, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return await query.GetAsync(number, cancellationToken) is { } model ? View(model) : NotFound();
    }
}
