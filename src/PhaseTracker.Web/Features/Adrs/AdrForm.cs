using System.ComponentModel.DataAnnotations;
using System.Globalization;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Features.Roadmap;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Adrs;

/// <summary>The decision record form, as posted (fields named <c>Form.Title</c>, <c>Form.Context[0]</c>, ...). The status changes through the lifecycle buttons, not here.</summary>
public sealed class AdrForm
{
    public const string Prefix = "Form";

    [Required(ErrorMessage = "Give the decision record a title.")]
    [StringLength(200, ErrorMessage = "Keep the title to 200 characters.")]
    public string? Title { get; set; }

    [StringLength(100, ErrorMessage = "Keep the date to 100 characters.")]
    public string? Date { get; set; }

    public List<string?> Context { get; set; } = [];

    public List<string?> Decision { get; set; } = [];

    public List<ConsequenceForm> Consequences { get; set; } = [];

    public List<AlternativeForm> Alternatives { get; set; } = [];

    public static AdrForm Of(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AdrForm
        {
            Title = record.Title,
            Date = record.Date,
            Context = [.. record.Context],
            Decision = [.. record.Decision],
            Consequences = [.. record.Consequences.Select(c => new ConsequenceForm { Positive = c.Positive, Mark = c.Mark, Text = c.Text })],
            Alternatives = [.. record.Alternatives.Select(a => new AlternativeForm { Option = a.Option, Verdict = a.Verdict, Reason = a.Reason })],
        };
    }

    /// <summary>
    /// The form's rules, data annotations and line breaks, keyed by JSON path (<c>title</c>, <c>context</c>,
    /// <c>consequences[1].text</c>): what the API answers, and what the form shows next to each field.
    /// </summary>
    public Dictionary<string, string[]> Errors(DecisionRecord? stored)
    {
        var errors = FieldErrors.Of(this);
        foreach (var (key, message) in LineErrors(stored))
        {
            FieldErrors.Add(errors, FieldErrors.JsonPath(key), message);
        }

        return errors;
    }

    /// <summary>Every value the document writes on one line has none (see <see cref="SingleLine"/>); keys as the form names them (<c>Consequences[1].Text</c>).</summary>
    public IEnumerable<(string Key, string Message)> LineErrors(DecisionRecord? stored)
    {
        if (SingleLine.Breaks(Title, stored?.Title))
        {
            yield return (nameof(Title), SingleLine.Message);
        }

        if (SingleLine.Breaks(Date, stored?.Date))
        {
            yield return (nameof(Date), SingleLine.Message);
        }

        if (SingleLine.AnyBreaks(Context, stored?.Context))
        {
            yield return (nameof(Context), SingleLine.EntryMessage);
        }

        if (SingleLine.AnyBreaks(Decision, stored?.Decision))
        {
            yield return (nameof(Decision), SingleLine.EntryMessage);
        }

        var consequences = stored?.Consequences.Select(c => c.Text).ToList();
        for (var i = 0; i < Consequences.Count; i++)
        {
            if (SingleLine.AnyBreaks([Consequences[i].Text], consequences))
            {
                yield return ($"{nameof(Consequences)}[{i.ToString(CultureInfo.InvariantCulture)}].{nameof(ConsequenceForm.Text)}", SingleLine.Message);
            }
        }

        var options = stored?.Alternatives.SelectMany(a => new[] { a.Option, a.Verdict, a.Reason }).ToList();
        for (var i = 0; i < Alternatives.Count; i++)
        {
            var alternative = Alternatives[i];
            foreach (var (name, value) in new[] { (nameof(AlternativeForm.Option), alternative.Option), (nameof(AlternativeForm.Verdict), alternative.Verdict), (nameof(AlternativeForm.Reason), alternative.Reason) })
            {
                if (SingleLine.AnyBreaks([value], options))
                {
                    yield return ($"{nameof(Alternatives)}[{i.ToString(CultureInfo.InvariantCulture)}].{name}", SingleLine.Message);
                }
            }
        }
    }

    /// <summary>Makes the list change a button asked for; nothing is saved.</summary>
    public void Apply(ListAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var index = action.Indexes.Count > 0 ? action.Indexes[0] : (int?)null;
        switch (action.List)
        {
            case nameof(Context):
                action.ApplyTo(Context, index, () => null);
                break;
            case nameof(Decision):
                action.ApplyTo(Decision, index, () => null);
                break;
            case nameof(Consequences):
                action.ApplyTo(Consequences, index, () => new ConsequenceForm { Positive = true });
                break;
            case nameof(Alternatives):
                action.ApplyTo(Alternatives, index, () => new AlternativeForm());
                break;
        }
    }

    /// <summary>Puts the form's values on <paramref name="record"/>: trimmed, blank entries left out.</summary>
    public void ApplyTo(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Title = (Title ?? "").Trim();
        record.Date = string.IsNullOrWhiteSpace(Date) ? null : Date.Trim();
        record.Context = Lines(Context);
        record.Decision = Lines(Decision);
        record.Consequences = [.. Consequences.Where(c => !string.IsNullOrWhiteSpace(c.Text)).Select(c => c.ToConsequence())];
        record.Alternatives = [.. Alternatives.Where(a => !string.IsNullOrWhiteSpace(a.Option)).Select(a => new Alternative(
            a.Option!.Trim(), NullIfBlank(a.Verdict), NullIfBlank(a.Reason)))];
    }

    private static List<string> Lines(IEnumerable<string?> lines) => [.. lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim())];

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Today in the date format the phase's document already uses (its latest decision record's date, else
    /// its "Last Updated"), so a new record reads like the others: "November 12, 2025".
    /// </summary>
    public static string DateLike(IEnumerable<string?> samples, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()))
        {
            foreach (var format in DateFormats)
            {
                if (DateOnly.TryParseExact(sample, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return today.ToString(format, CultureInfo.InvariantCulture);
                }
            }
        }

        return today.ToString(DateFormats[0], CultureInfo.InvariantCulture);
    }

    private static readonly string[] DateFormats = ["MMMM d, yyyy", "MMM d, yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM yyyy"];
}

public sealed class ConsequenceForm
{
    /// <summary>Positive (✅) or negative (⚠️).</summary>
    public bool Positive { get; set; } = true;

    /// <summary>The mark as the document wrote it, kept while the consequence stays on the same side.</summary>
    public string? Mark { get; set; }

    [StringLength(1000, ErrorMessage = "Keep a consequence to 1000 characters.")]
    public string? Text { get; set; }

    public Consequence ToConsequence()
    {
        var kept = Mark is { Length: > 0 } mark && ConsequenceMarks.IsPositive(mark) == Positive ? mark : null;
        return new Consequence(Positive, kept ?? (Positive ? ConsequenceMarks.Positive : ConsequenceMarks.Negative), (Text ?? "").Trim());
    }
}

public sealed class AlternativeForm
{
    [StringLength(500, ErrorMessage = "Keep an option to 500 characters.")]
    public string? Option { get; set; }

    [StringLength(100, ErrorMessage = "Keep a verdict to 100 characters.")]
    public string? Verdict { get; set; }

    [StringLength(1000, ErrorMessage = "Keep a reason to 1000 characters.")]
    public string? Reason { get; set; }
}

/// <summary>The decision record form's page.</summary>
public sealed record AdrEditPage(int Number, int PhaseNumber, bool IsNew, int RowVersion, string? Status, AdrForm Form)
{
    public string Name => AdrName.Of(Number);

    public string Action => IsNew
        ? $"/adrs/new?phase={PhaseNumber.ToString(CultureInfo.InvariantCulture)}"
        : $"/adrs/{Number.ToString(CultureInfo.InvariantCulture)}/edit";
}
