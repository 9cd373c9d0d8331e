using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Document;

public sealed class DocumentController(DocumentQuery query) : Controller
{
    /// <summary>The process text, related documents and footer of the current phase's document, or of <c>?phase=N</c>.</summary>
    [HttpGet("/document")]
    public async Task<IActionResult> Index([FromQuery] int? phase, CancellationToken cancellationToken) =>
        await query.GetAsync(phase, cancellationToken) is { } model ? View(model) : NotFound();
}
