using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Shared;

/// <summary>
/// What the conflict page shows when a lead saves a form that was read before someone else saved the
/// same record: each field's value as it is now (theirs) beside the lead's (yours), and two ways out:
/// save the lead's values over the current version, or drop them and open the record as it is now.
/// </summary>
/// <param name="RecordLabel">The record, as its page names it ("Item 3: Load Testing Suite").</param>
/// <param name="Fields">Every field where the two differ.</param>
/// <param name="SaveUrl">Where the form posts to (the edit action).</param>
/// <param name="CurrentRowVersion">The version saved now; "keep mine" posts it, so that save succeeds unless yet another save came in between.</param>
/// <param name="DiscardUrl">The record's page: "take theirs".</param>
/// <param name="Resubmit">The lead's form values, posted again unchanged by "keep mine".</param>
public sealed record EditConflict(
    string RecordLabel,
    IReadOnlyList<ConflictField> Fields,
    string SaveUrl,
    int CurrentRowVersion,
    string DiscardUrl,
    IReadOnlyList<KeyValuePair<string, string>> Resubmit,
    string? ChangedBy)
{
    /// <summary>The field of every form that carries the version the form was read at.</summary>
    public const string RowVersionField = "RowVersion";

    /// <summary>
    /// A conflict for the request's form: its fields are carried over as they came (but the version and the
    /// antiforgery token, which the page writes afresh).
    /// </summary>
    public static EditConflict For(
        HttpRequest request,
        string recordLabel,
        IReadOnlyList<KeyValuePair<string, string?>> theirs,
        IReadOnlyList<KeyValuePair<string, string?>> yours,
        int currentRowVersion,
        string discardUrl,
        string? changedBy = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(yours);
        var mine = yours.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var fields = theirs
            .Where(f => mine.TryGetValue(f.Key, out var value) && !string.Equals(value, f.Value, StringComparison.Ordinal))
            .Select(f => new ConflictField(f.Key, f.Value, mine[f.Key]))
            .ToList();
        var resubmit = request.HasFormContentType
            ? request.Form
                .Where(f => f.Key != RowVersionField && f.Key != "__RequestVerificationToken")
                .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))
                .ToList()
            : [];
        return new EditConflict(recordLabel, fields, request.Path + request.QueryString, currentRowVersion, discardUrl, resubmit, changedBy);
    }

    /// <summary>The conflict page, with 409 Conflict as its status.</summary>
    public ViewResult View(Controller controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.Response.StatusCode = StatusCodes.Status409Conflict;
        return controller.View("~/Features/Shared/Conflict.cshtml", this);
    }
}

/// <summary>A field the other save and this form disagree on.</summary>
public sealed record ConflictField(string Name, string? Theirs, string? Yours);
