using System.Globalization;

using Microsoft.AspNetCore.Html;

namespace PhaseTracker.Web.Features.Adrs;

/// <summary>One page of the decision records, filtered by status word.</summary>
public sealed record AdrListViewModel(
    IReadOnlyList<AdrListRow> Rows,
    IReadOnlyList<string> Statuses,
    string? Status,
    int Page,
    int PageCount,
    int MatchCount,
    int TotalCount)
{
    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

/// <summary>
/// A row of the list. Its text is rendered once, when the list is read, and cached with it: a
/// request then costs the rows' markup only, not a markdown parse per cell.
/// </summary>
public sealed record AdrListRow(int Number, IHtmlContent Title, IHtmlContent Date, IHtmlContent Status, string? StatusWord)
{
    public string Name => AdrName.Of(Number);

    public string StatusBadge => AdrName.BadgeFor(StatusWord);
}

public sealed record AdrDetailsViewModel(
    int Id,
    int RowVersion,
    int Number,
    string PlainTitle,
    IHtmlContent Title,
    IHtmlContent Date,
    IHtmlContent Status,
    string? StatusWord,
    int PhaseNumber,
    IReadOnlyList<IHtmlContent> Context,
    IReadOnlyList<IHtmlContent> Decision,
    IReadOnlyList<AdrConsequence> Consequences,
    IReadOnlyList<AdrAlternative> Alternatives,
    IReadOnlyList<AdrLink> Supersedes,
    IReadOnlyList<AdrLink> SupersededBy)
{
    public string Name => AdrName.Of(Number);

    /// <summary>The status as written ("Accepted ✅"), for the lifecycle buttons.</summary>
    public string? StatusText { get; init; }

    /// <summary>Why a lifecycle step was refused, in one sentence; null otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>The confirmation of the save that brought the lead here; null otherwise.</summary>
    public string? Confirmation { get; init; }

    /// <summary>The other records, for "superseded by" (filled for those who may edit).</summary>
    public IReadOnlyList<AdrChoice> Choices { get; init; } = [];

    public string StatusBadge => AdrName.BadgeFor(StatusWord);
}

/// <summary>Another decision record, to choose as the one that supersedes this one.</summary>
public sealed record AdrChoice(int Number, string Title)
{
    public string Name => AdrName.Of(Number);
}

/// <summary>A consequence with its mark as written (✅, ⚠️); <paramref name="Positive"/> says which kind it is.</summary>
public sealed record AdrConsequence(bool Positive, string Mark, IHtmlContent Text);

public sealed record AdrAlternative(IHtmlContent Option, IHtmlContent? Verdict, IHtmlContent? Reason);

/// <summary>A supersedes / superseded-by link; <paramref name="Title"/> is null when no record has that number.</summary>
public sealed record AdrLink(int Number, IHtmlContent? Title)
{
    public string Name => AdrName.Of(Number);

    public bool Exists => Title is not null;
}

public static class AdrName
{
    /// <summary>"ADR-004", as the document writes it.</summary>
    public static string Of(int number) => "ADR-" + number.ToString("000", CultureInfo.InvariantCulture);

    /// <summary>The Bootstrap badge for a status word ("accepted" is green, "superseded" grey).</summary>
    public static string BadgeFor(string? statusWord) => statusWord?.ToUpperInvariant() switch
    {
        "ACCEPTED" or "APPROVED" => "text-bg-success",
        "PROPOSED" or "DRAFT" => "text-bg-info",
        "REJECTED" => "text-bg-danger",
        "SUPERSEDED" or "DEPRECATED" => "text-bg-secondary",
        _ => "text-bg-light border",
    };

    /// <summary>
    /// The status's first word ("Accepted ✅" is "Accepted", "Superseded by ADR-006" is "Superseded"):
    /// what the list filters on, so that the emoji and the details do not split one status into many.
    /// </summary>
    public static string? StatusWord(string? status)
    {
        if (status is null)
        {
            return null;
        }

        var start = 0;
        while (start < status.Length && !char.IsLetter(status[start]))
        {
            start++;
        }

        var end = start;
        while (end < status.Length && (char.IsLetter(status[end]) || status[end] == '-'))
        {
            end++;
        }

        return end > start ? status[start..end] : null;
    }
}
