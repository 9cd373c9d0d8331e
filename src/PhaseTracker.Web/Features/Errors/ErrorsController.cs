using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Errors;

/// <summary>
/// The pages the error handler (<c>/error</c>, Production) and the status-code pages (<c>/error/404</c>)
/// re-execute into. They say what happened in a sentence and never show a stack trace. (The class is
/// named for its folder, Features/Errors, where the view engine finds its views.)
/// </summary>
[AllowAnonymous]
public sealed class ErrorsController : Controller
{
    [Route("/error")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error() =>
        View(ErrorViewModel.For(StatusCodes.Status500InternalServerError, RequestId));

    /// <summary>Status pages (404 and friends) for requests that ended without a body.</summary>
    [Route("/error/{statusCode:int:range(400,599)}")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Status(int statusCode)
    {
        Response.StatusCode = statusCode;
        return statusCode == StatusCodes.Status404NotFound
            ? View("NotFound", new NotFoundViewModel(HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath))
            : View("Error", ErrorViewModel.For(statusCode, RequestId));
    }

    // The X-Request-ID of the request (Infrastructure/RequestId.cs): the id in its response header and its log lines.
    private string RequestId => HttpContext.TraceIdentifier;
}
