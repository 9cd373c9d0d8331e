using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.History;

[Authorize(Policy = Policies.CanRead)]
public sealed class HistoryController(HistoryQuery history, IAuthorizationService authorization) : Controller
{
    /// <summary>Every change, newest first; the filters and the page are in the query string.</summary>
    [HttpGet("/history")]
    public async Task<IActionResult> Index(
        string? actor, string? type, string? q, string? from, string? to, string? phase, string? page,
        CancellationToken cancellationToken)
    {
        // Only those who may edit see the button that undoes a deletion.
        var canRestore = (await authorization.AuthorizeAsync(User, Policies.CanEdit)).Succeeded;
        return View(await history.GetAsync(HistoryFilter.Read(actor, type, q, from, to, phase, page), canRestore, cancellationToken));
    }
}
