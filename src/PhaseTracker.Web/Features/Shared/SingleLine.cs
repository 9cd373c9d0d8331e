namespace PhaseTracker.Web.Features.Shared;

/// <summary>
/// Values the document writes on one line: a field's value, a list entry, a heading, a task. A line break
/// in one changes the document's structure when it is read again (a "## " after it starts a new section and
/// swallows what follows), so the file and the database would drift apart. A form's text inputs cannot hold
/// one, but the API and a textarea can. A value the record already holds passes as it is: a document may
/// wrap a long entry onto a second line, which reads back as the same entry.
/// </summary>
public static class SingleLine
{
    public const string Message = "Keep this on one line: the document writes it on a single line.";

    public const string EntryMessage = "Keep each entry on one line: the document writes each on a single line.";

    public static bool Breaks(string? value) => value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0;

    /// <summary>A new value with a line break; <paramref name="stored"/> itself passes.</summary>
    public static bool Breaks(string? value, string? stored) => Breaks(value) && !string.Equals(value?.Trim(), stored?.Trim(), StringComparison.Ordinal);

    /// <summary>An entry with a line break that is not one of the <paramref name="stored"/> entries.</summary>
    public static bool AnyBreaks(IEnumerable<string?> entries, IEnumerable<string?>? stored)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var held = (stored ?? []).Select(e => e?.Trim()).ToHashSet(StringComparer.Ordinal);
        return entries.Any(e => Breaks(e) && !held.Contains(e?.Trim()));
    }
}
