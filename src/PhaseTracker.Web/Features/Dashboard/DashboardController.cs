using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Dashboard;

public sealed class DashboardController(DashboardQuery query) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await query.GetAsync(cancellationToken));
}
