using System.Diagnostics;

using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Errors;

public sealed class ErrorController : Controller
{
    [Route("/error")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error() =>
        View(new ErrorViewModel(Activity.Current?.Id ?? HttpContext.TraceIdentifier));
}
