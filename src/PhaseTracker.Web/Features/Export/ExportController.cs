using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Web.Cli;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Export;

/// <summary>
/// <c>/export</c>: download the tracking document (markdown, with or without diagrams, or JSON) and the
/// decision records as MADR files in a zip. Plain GET forms, no script: a download is a link.
/// </summary>
[Authorize(Policy = Policies.CanRead)]
public sealed class ExportController(ExportService export, ExportQuery query, TimeProvider clock) : Controller
{
    public const string MarkdownContentType = "text/markdown; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The page: which phase, which format, whether to add diagrams.</summary>
    [HttpGet("/export")]
    public async Task<IActionResult> Index([FromQuery] int? phase, CancellationToken cancellationToken) =>
        View(await query.GetPageAsync(phase, cancellationToken));

    /// <summary>
    /// The document of the phase (the current one without <c>?phase</c>) as an attachment, under the name it
    /// was imported from; byte-identical to that import when nothing changed since. A markdown download is
    /// remembered as the text the phase last gave out, the base of the next import's merge.
    /// </summary>
    [HttpGet("/export/document")]
    public async Task<IActionResult> Document([FromQuery] int? phase, [FromQuery] string? format, [FromQuery] bool diagrams, CancellationToken cancellationToken)
    {
        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        if (!json && format is not null && !string.Equals(format, "markdown", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest();
        }

        var result = await export.ExportAsync(
            phase, json ? ExportFormat.Json : ExportFormat.Markdown, new ExportOptions(Diagrams: diagrams, RecordAsBase: !json), cancellationToken);
        if (result is not { Text: { } text, PhaseNumber: { } number })
        {
            return NotFound();
        }

        var name = await query.DocumentFileNameAsync(number, cancellationToken);
        return json
            ? File(ExportVerb.Utf8.GetBytes(text), JsonContentType, Path.ChangeExtension(name, ".json"))
            : File(ExportVerb.Utf8.GetBytes(text), MarkdownContentType, name);
    }

    /// <summary>Every decision record, or those of <c>?phase=N</c>, as <c>docs/adr/NNNN-title.md</c> files in a zip.</summary>
    [HttpGet("/export/adrs")]
    public async Task<IActionResult> DecisionRecords([FromQuery] int? phase, CancellationToken cancellationToken)
    {
        if (phase is { } number && !await query.PhaseExistsAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var files = await export.DecisionRecordFilesAsync(phase, cancellationToken: cancellationToken);
        return File(AdrZip.Create(files, clock.GetUtcNow()), AdrZip.ContentType, AdrZip.FileName(phase));
    }
}
