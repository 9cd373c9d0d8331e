using System.Diagnostics;

using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Errors;

public sealed class ErrorController : Controller
{
    [Route("/error")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error() =>
        View(new ErrorViewModel(Activity.Current?.Id ?? HttpContext.TraceIdentifier));

    /// <summary>Status pages (404 and friends) for requests that ended without a body.</summary>
    [Route("/error/{statusCode:int}")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Status(int statusCode)
    {
        Response.StatusCode = statusCode;
        return statusCode == StatusCodes.Status404NotFound
            ? View("NotFound")
            : View("Error", new ErrorViewModel(Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }
}
