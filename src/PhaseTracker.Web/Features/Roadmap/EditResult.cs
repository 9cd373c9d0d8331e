namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>How an edit of a week or a decision record ended, for the form and the API to answer alike.</summary>
public enum EditStatus
{
    /// <summary>Written: the record, its history entry, the data version.</summary>
    Saved,

    /// <summary>Nothing differed, so nothing was written (no history, no new row version).</summary>
    Unchanged,

    /// <summary>The values break a rule: <see cref="EditResult{T}.Errors"/> says which, by field.</summary>
    Invalid,

    /// <summary>The record's state does not allow the change (a lifecycle move, a linked record): <see cref="EditResult{T}.Refusal"/> says why in one sentence.</summary>
    Refused,

    /// <summary>Someone saved the record since it was read: <see cref="EditResult{T}.Record"/> is theirs, <see cref="EditResult{T}.Yours"/> the change asked for.</summary>
    Conflict,

    /// <summary>The record was deleted meanwhile.</summary>
    NotFound,
}

/// <summary>The outcome of an editor's save: the saved record, errors keyed by field, a refusal, or a conflict.</summary>
public sealed record EditResult<T>(EditStatus Status, T? Record, IReadOnlyDictionary<string, string[]> Errors, string? Refusal, T? Yours)
    where T : class
{
    /// <summary>The one sentence a form shows for a refusal or invalid input.</summary>
    public string? Message => Refusal ?? Errors.Values.SelectMany(m => m).FirstOrDefault();
}

/// <summary>Makes the outcomes: <c>EditResult.Saved(week)</c>, <c>EditResult.Refused&lt;DecisionRecord&gt;(sentence)</c>.</summary>
public static class EditResult
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    public static EditResult<T> Saved<T>(T record) where T : class => new(EditStatus.Saved, record, NoErrors, null, null);

    public static EditResult<T> Unchanged<T>(T record) where T : class => new(EditStatus.Unchanged, record, NoErrors, null, null);

    public static EditResult<T> Invalid<T>(string field, string message) where T : class =>
        new(EditStatus.Invalid, null, new Dictionary<string, string[]> { [field] = [message] }, null, null);

    public static EditResult<T> Refused<T>(string refusal) where T : class => new(EditStatus.Refused, null, NoErrors, refusal, null);

    public static EditResult<T> Conflict<T>(T stored, T yours) where T : class => new(EditStatus.Conflict, stored, NoErrors, null, yours);

    public static EditResult<T> Missing<T>() where T : class => new(EditStatus.NotFound, null, NoErrors, null, null);
}
