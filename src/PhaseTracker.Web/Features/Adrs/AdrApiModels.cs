using System.Globalization;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Features.Adrs;

/// <summary>A decision record as the API gives it.</summary>
/// <param name="Number">The ADR number (ADR-004 is 4), unique across phases and never reused.</param>
/// <param name="Title">The title, as written.</param>
/// <param name="Date">The date, as the document writes it ("November 12, 2025").</param>
/// <param name="Status">The status line, as written ("Accepted ✅", "Superseded by ADR-006").</param>
/// <param name="Context">The context, one entry per paragraph or bullet.</param>
/// <param name="Decision">The decision, one entry per paragraph or bullet.</param>
/// <param name="Consequences">The consequences, positive and negative.</param>
/// <param name="Alternatives">The alternatives considered.</param>
/// <param name="Supersedes">The number of the record this one supersedes.</param>
/// <param name="SupersededBy">The number of the record that supersedes this one.</param>
/// <param name="Phase">The number of the phase whose document carries the record.</param>
/// <param name="RowVersion">Counts the record's saves; the ETag carries it too.</param>
/// <param name="Url">The record's page.</param>
public sealed record AdrDto(
    int Number,
    string Title,
    string? Date,
    string? Status,
    IReadOnlyList<string> Context,
    IReadOnlyList<string> Decision,
    IReadOnlyList<AdrConsequenceDto> Consequences,
    IReadOnlyList<AdrAlternativeDto> Alternatives,
    int? Supersedes,
    int? SupersededBy,
    int Phase,
    int RowVersion,
    string Url)
{
    public static AdrDto Of(DecisionRecord record, int phaseNumber)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AdrDto(
            record.Number,
            record.Title,
            record.Date,
            record.Status,
            [.. record.Context],
            [.. record.Decision],
            [.. record.Consequences.Select(c => new AdrConsequenceDto(c.Positive, c.Mark, c.Text))],
            [.. record.Alternatives.Select(a => new AdrAlternativeDto(a.Option, a.Verdict, a.Reason))],
            record.Supersedes,
            record.SupersededBy,
            phaseNumber,
            record.RowVersion,
            "/adrs/" + record.Number.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>A consequence of a decision.</summary>
/// <param name="Positive">True for a benefit (✅), false for a cost or risk (⚠️).</param>
/// <param name="Mark">The mark as written; on input, kept while it matches <paramref name="Positive"/>.</param>
/// <param name="Text">What follows.</param>
public sealed record AdrConsequenceDto(bool Positive, string? Mark, string? Text);

/// <summary>An alternative considered.</summary>
/// <param name="Option">The option.</param>
/// <param name="Verdict">The verdict ("Rejected").</param>
/// <param name="Reason">Why.</param>
public sealed record AdrAlternativeDto(string? Option, string? Verdict, string? Reason);

/// <summary>
/// A decision record's values, to create one (it starts as Proposed) or to replace them (the status
/// changes through <c>POST /api/adrs/{number}/status</c>). Blank entries of a list are left out.
/// </summary>
public sealed class AdrInput
{
    /// <summary>The phase whose document gets a new record; the current phase when left out. Ignored by an update.</summary>
    public int? Phase { get; set; }

    /// <summary>Required, up to 200 characters.</summary>
    public string? Title { get; set; }

    /// <summary>The date as the document writes it; a new record without one gets today, written like the phase's other dates.</summary>
    public string? Date { get; set; }

    public List<string?>? Context { get; set; }

    public List<string?>? Decision { get; set; }

    public List<AdrConsequenceDto?>? Consequences { get; set; }

    public List<AdrAlternativeDto?>? Alternatives { get; set; }

    /// <summary>The same values as the form would post them, so the form's rules check them.</summary>
    public AdrForm ToForm() => new()
    {
        Title = Title,
        Date = Date,
        Context = [.. Context ?? []],
        Decision = [.. Decision ?? []],
        Consequences = [.. (Consequences ?? []).OfType<AdrConsequenceDto>().Select(c => new ConsequenceForm { Positive = c.Positive, Mark = c.Mark, Text = c.Text })],
        Alternatives = [.. (Alternatives ?? []).OfType<AdrAlternativeDto>().Select(a => new AlternativeForm { Option = a.Option, Verdict = a.Verdict, Reason = a.Reason })],
    };
}

/// <summary>A move along the lifecycle.</summary>
public sealed class AdrStatusInput
{
    /// <summary>Accepted or Rejected (from Proposed); Deprecated or Superseded (from Accepted).</summary>
    public string? To { get; set; }

    /// <summary>With Superseded: the number of the newer record, which then names this one in its "Supersedes".</summary>
    public int? By { get; set; }
}
