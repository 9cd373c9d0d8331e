using System.Text;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Import;

/// <summary>The upload (or paste) form, with the one sentence that says why a document was not taken.</summary>
public sealed record ImportFormPage(string? Error, string? Text, bool RemoveMissing);

/// <summary>The preview of an import: what it will do, the conflicts to resolve, and the form that applies it.</summary>
/// <param name="Document">The document's bytes as sent, in base64: an HTML attribute would turn its CR LF into LF, and a form post turns LF into CR LF.</param>
public sealed record ImportPreviewPage(
    ImportSummary Summary,
    string Document,
    string? FileName,
    bool RemoveMissing,
    IReadOnlyDictionary<string, ConflictSide> Choices,
    string? Message);

/// <summary>
/// <c>/import</c>: a lead uploads or pastes a tracking document, sees a preview (a dry run: what will be
/// added, changed, kept, the warnings, the merge's conflicts and the export's diff), resolves the
/// conflicts, and applies it in one transaction. The document travels from the preview to the apply
/// in a hidden field, base64-encoded, so what is applied is byte for byte what was previewed.
/// </summary>
[Authorize(Policy = Policies.CanImport)]
[Route("/import")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ImportController(ImportService imports) : Controller
{
    /// <summary>The dashboard shows this once after an import (see <see cref="ImportOutcomeViewComponent"/>).</summary>
    public const string OutcomeKey = "ImportOutcome";

    private const string ChoicePrefix = "choice:";

    [HttpGet("")]
    public IActionResult Index() => View(new ImportFormPage(null, null, RemoveMissing: false));

    [HttpPost("preview")]
    [RequestSizeLimit(ImportLimits.MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = ImportLimits.MaxRequestBytes, MultipartBodyLengthLimit = ImportLimits.MaxRequestBytes)]
    public async Task<IActionResult> Preview(IFormFile? file, string? text, bool removeMissing, CancellationToken cancellationToken)
    {
        byte[] document;
        string? fileName = null;
        if (file is { Length: > 0 })
        {
            if (file.Length > ImportLimits.MaxDocumentBytes)
            {
                return Refused(ImportLimits.TooBig, null, removeMissing, StatusCodes.Status413PayloadTooLarge);
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            document = buffer.ToArray();
            fileName = Path.GetFileName(file.FileName);
        }
        else if (!string.IsNullOrWhiteSpace(text))
        {
            if (Encoding.UTF8.GetByteCount(text) > ImportLimits.MaxDocumentBytes)
            {
                return Refused(ImportLimits.TooBig, null, removeMissing, StatusCodes.Status413PayloadTooLarge);
            }

            // A browser sends a textarea's line breaks as CR LF whatever was pasted (HTML's form rules), so the
            // pasted document is read with LF, as repositories keep text; upload the file to keep CR LF.
            document = Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        else
        {
            return Refused("Choose a file or paste the document's text.", text, removeMissing, StatusCodes.Status400BadRequest);
        }

        return await PreviewAsync(document, fileName, removeMissing, ChoicesOf(Request), null, cancellationToken);
    }

    [HttpPost("apply")]
    [RequestSizeLimit(ImportLimits.MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = ImportLimits.MaxRequestBytes, MultipartBodyLengthLimit = ImportLimits.MaxRequestBytes)]
    public async Task<IActionResult> Apply(string? document, string? fileName, bool removeMissing, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(document))
        {
            return Refused("The form carried no document: upload or paste it again.", null, removeMissing, StatusCodes.Status400BadRequest);
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(document);
        }
        catch (FormatException)
        {
            return Refused("The form's document was damaged on the way: upload or paste it again.", null, removeMissing, StatusCodes.Status400BadRequest);
        }

        if (bytes.Length > ImportLimits.MaxDocumentBytes)
        {
            return Refused(ImportLimits.TooBig, null, removeMissing, StatusCodes.Status413PayloadTooLarge);
        }

        var choices = ChoicesOf(Request);
        var result = await imports.ImportAsync(bytes, new ImportOptions
        {
            Actor = Actor.Import(Actor.Form(User).Name, fileName),
            FileName = fileName,
            Missing = removeMissing ? MissingRecords.Remove : MissingRecords.Keep,
            Resolution = new ConflictResolution(null, choices),
        }, cancellationToken);
        if (result.Summary is not { } summary)
        {
            return Refused(result.Rejection!.ToString(), null, removeMissing, StatusCodes.Status422UnprocessableEntity);
        }

        if (summary.Blocked)
        {
            // Nothing changed; the preview again, with the choices made so far and the ones still missing.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await PreviewAsync(bytes, fileName, removeMissing, choices,
                "Nothing was imported: choose which side wins each conflict below.", cancellationToken);
        }

        TempData[OutcomeKey] = $"{summary.Headline} Items: {summary.Items}. ADRs: {summary.DecisionRecords}." +
            (summary.Warnings.Count > 0 ? $" Warnings: {summary.WarningCount}; repairs: {summary.RepairCount}." : "");
        return Redirect("/");
    }

    private async Task<IActionResult> PreviewAsync(
        byte[] document, string? fileName, bool removeMissing, IReadOnlyDictionary<string, ConflictSide> choices, string? message, CancellationToken cancellationToken)
    {
        var result = await imports.ImportAsync(document, new ImportOptions
        {
            DryRun = true,
            FileName = fileName,
            Missing = removeMissing ? MissingRecords.Remove : MissingRecords.Keep,
            Resolution = new ConflictResolution(null, choices),
            WithDiff = true,
        }, cancellationToken);
        if (result.Summary is not { } summary)
        {
            return Refused(result.Rejection!.ToString(), null, removeMissing, StatusCodes.Status422UnprocessableEntity);
        }

        return View("Preview", new ImportPreviewPage(summary, Convert.ToBase64String(document), fileName, removeMissing, choices, message));
    }

    private ViewResult Refused(string error, string? text, bool removeMissing, int status)
    {
        Response.StatusCode = status;
        return View(nameof(Index), new ImportFormPage(error, text is { Length: < 100_000 } ? text : null, removeMissing));
    }

    /// <summary>The conflict choices of the preview's form: a field "choice:Item 3|Owner" with "document" or "database".</summary>
    private static Dictionary<string, ConflictSide> ChoicesOf(HttpRequest request)
    {
        Dictionary<string, ConflictSide> choices = new(StringComparer.Ordinal);
        if (!request.HasFormContentType)
        {
            return choices;
        }

        foreach (var (key, value) in request.Form)
        {
            if (key.StartsWith(ChoicePrefix, StringComparison.Ordinal) && Enum.TryParse<ConflictSide>(value.ToString(), ignoreCase: true, out var side))
            {
                choices[key[ChoicePrefix.Length..]] = side;
            }
        }

        return choices;
    }
}
