using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Domain;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Import;

/// <summary>The summary of an import through the API, and of its dry run.</summary>
public sealed record ImportResponse(
    int Phase,
    string PhaseTitle,
    bool DryRun,
    bool Changed,
    string Headline,
    ImportCounts Items,
    ImportCounts DecisionRecords,
    ImportCounts RoadmapWeeks,
    IReadOnlyList<ImportWarning> Warnings,
    IReadOnlyList<ImportConflict> Conflicts,
    IReadOnlyList<ImportChange> Changes,
    IReadOnlyList<string> Kept,
    string? Diff)
{
    public static ImportResponse From(ImportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(
            summary.PhaseNumber,
            summary.PhaseTitle,
            summary.DryRun,
            summary.Changed && !summary.DryRun,
            summary.Headline,
            ImportCounts.From(summary.Items),
            ImportCounts.From(summary.DecisionRecords),
            ImportCounts.From(summary.RoadmapWeeks),
            [.. summary.Warnings.Select(w => new ImportWarning(w.Line, w.Kind == WarningKind.Repair ? "repair" : "warning", w.Message))],
            [.. summary.Conflicts.Select(ImportConflict.From)],
            [.. summary.Changes.Select(c => new ImportChange(c.RecordLabel, c.Action.ToString(), [.. c.Changes]))],
            summary.Kept,
            summary.Diff);
    }
}

public sealed record ImportCounts(int Added, int Changed, int Removed, int Unchanged)
{
    public static ImportCounts From(ChangeCounts counts) => new(counts.Added, counts.Updated, counts.Removed, counts.Unchanged);
}

public sealed record ImportWarning(int Line, string Kind, string Message);

public sealed record ImportChange(string Record, string Action, IReadOnlyList<FieldChange> Fields);

/// <param name="Resolution">"document", "database", or null where nobody chose.</param>
public sealed record ImportConflict(string Key, string Record, string Field, string? Base, string? Database, string? Document, string? Resolution)
{
    public static ImportConflict From(MergeConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return new(conflict.Key, conflict.Record, conflict.Field, conflict.Base, conflict.Database, conflict.Document,
            conflict.Resolution?.ToString().ToLowerInvariant());
    }
}

/// <summary>
/// <c>POST /api/import</c>: the document as a <c>text/markdown</c> or <c>text/plain</c> body.
/// <c>?dryRun=true</c> previews, <c>?resolve=theirs|ours</c> resolves the merge's conflicts,
/// <c>?removeMissing=true</c> removes what the document no longer has (kept otherwise, as on the page).
/// </summary>
[ApiController]
[Authorize(Policy = Policies.CanImport)]
public sealed class ImportApiController(ImportService imports) : ControllerBase
{
    private static readonly string[] DocumentTypes = ["text/markdown", "text/plain"];

    [HttpPost("/api/import")]
    [RequestSizeLimit(ImportLimits.MaxRequestBytes)]
    [ProducesResponseType<ImportResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Import(
        [FromQuery] bool dryRun = false,
        [FromQuery] string? fileName = null,
        [FromQuery] string? resolve = null,
        [FromQuery] bool removeMissing = false,
        CancellationToken cancellationToken = default)
    {
        var mediaType = Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !DocumentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the document itself as the body, with Content-Type text/markdown or text/plain.");
        }

        ConflictResolution resolution;
        switch (resolve?.ToLowerInvariant())
        {
            case null or "":
                resolution = ConflictResolution.None;
                break;
            case "theirs":
                resolution = ConflictResolution.Everywhere(ConflictSide.Document);
                break;
            case "ours":
                resolution = ConflictResolution.Everywhere(ConflictSide.Database);
                break;
            default:
                return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown resolution",
                    detail: "resolve takes \"theirs\" (the document wins each conflict) or \"ours\" (the database wins).");
        }

        var document = await ReadBodyAsync(cancellationToken);
        if (document is null)
        {
            return Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Document too large", detail: ImportLimits.TooBig);
        }

        var result = await imports.ImportAsync(document, new ImportOptions
        {
            DryRun = dryRun,
            Actor = Actor.Import(Actor.Api(User).Name, fileName),
            FileName = fileName,
            Missing = removeMissing ? MissingRecords.Remove : MissingRecords.Keep,
            Resolution = resolution,
            WithDiff = dryRun,
        }, cancellationToken);
        if (result.Summary is not { } summary)
        {
            var rejection = result.Rejection!;
            var problem = ProblemDetailsFactory.CreateProblemDetails(
                HttpContext, StatusCodes.Status422UnprocessableEntity, "Document refused", detail: rejection.ToString());
            problem.Extensions["line"] = rejection.Line;
            return UnprocessableEntity(problem);
        }

        if (summary.Blocked && !dryRun)
        {
            var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, StatusCodes.Status409Conflict, "Merge conflicts", detail: summary.Headline);
            problem.Extensions["conflicts"] = summary.Conflicts.Select(ImportConflict.From).ToList();
            return Conflict(problem);
        }

        return Ok(ImportResponse.From(summary));
    }

    /// <summary>The body, or null where it is over the limit (read no further than that).</summary>
    private async Task<byte[]?> ReadBodyAsync(CancellationToken cancellationToken)
    {
        if (Request.ContentLength > ImportLimits.MaxDocumentBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ImportLimits.MaxDocumentBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
