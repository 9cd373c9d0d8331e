using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Web.Cli;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Export;

/// <summary>The export for scripts: the tracking document as markdown or JSON, the decision records as a zip of MADR files.</summary>
[ApiController]
[Authorize(Policy = Policies.CanRead)]
public sealed class ExportApiController(ExportService export, ExportQuery query, TimeProvider clock) : ControllerBase
{
    /// <summary>The tracking document of a phase.</summary>
    /// <remarks>
    /// The current phase without <c>phase</c>. Markdown (<c>text/markdown</c>) by default, byte-identical to
    /// the imported document when nothing changed since; <c>format=json</c> for the phase as JSON.
    /// <c>diagrams=true</c> adds a Mermaid gantt of the roadmap and a quadrant chart of the matrix where the
    /// document has none. A markdown export becomes the base the next import of the phase merges against.
    /// </remarks>
    /// <param name="phase">The phase's number; the current phase when left out.</param>
    /// <param name="format"><c>markdown</c> (the default) or <c>json</c>.</param>
    /// <param name="diagrams">Add the Mermaid diagrams (markdown only).</param>
    /// <param name="cancellationToken">Ends the export when the caller leaves.</param>
    [HttpGet("/api/export")]
    [EndpointSummary("Export the tracking document of a phase as markdown or JSON")]
    [ProducesResponseType(typeof(string), StatusCodes.Status200OK, "text/markdown", "application/json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Get([FromQuery] int? phase, [FromQuery] string? format, [FromQuery] bool diagrams, CancellationToken cancellationToken)
    {
        ExportFormat chosen;
        if (format is null || string.Equals(format, "markdown", StringComparison.OrdinalIgnoreCase))
        {
            chosen = ExportFormat.Markdown;
        }
        else if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            chosen = ExportFormat.Json;
        }
        else
        {
            ModelState.AddModelError(nameof(format), $"format takes markdown or json, not '{format}'.");
            return ValidationProblem(ModelState);
        }

        var result = await export.ExportAsync(
            phase, chosen, new ExportOptions(Diagrams: diagrams, RecordAsBase: chosen == ExportFormat.Markdown), cancellationToken);
        if (result.Text is not { } text)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "No such phase", detail: result.Error);
        }

        return File(ExportVerb.Utf8.GetBytes(text), chosen == ExportFormat.Json ? ExportController.JsonContentType : ExportController.MarkdownContentType);
    }

    /// <summary>The decision records as MADR files in a zip.</summary>
    /// <remarks>Every record, or those of <c>phase</c>; each file is <c>docs/adr/NNNN-kebab-title.md</c>, supersession linked both ways.</remarks>
    /// <param name="phase">The phase's number; every phase's records when left out.</param>
    /// <param name="cancellationToken">Ends the export when the caller leaves.</param>
    [HttpGet("/api/export/adrs")]
    [EndpointSummary("Export the decision records as a zip of MADR files")]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, AdrZip.ContentType)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> DecisionRecords([FromQuery] int? phase, CancellationToken cancellationToken)
    {
        if (phase is { } number && !await query.PhaseExistsAsync(number, cancellationToken))
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "No such phase", detail: $"The database holds no phase {number}.");
        }

        var files = await export.DecisionRecordFilesAsync(phase, cancellationToken: cancellationToken);
        return File(AdrZip.Create(files, clock.GetUtcNow()), AdrZip.ContentType, AdrZip.FileName(phase));
    }
}
