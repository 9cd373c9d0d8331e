using System.Globalization;
using System.Text;

using Microsoft.AspNetCore.WebUtilities;

namespace PhaseTracker.Web.Features.Items;

public enum ItemSort
{
    Number,
    Title,
    Priority,
    Effort,
    Owner,
    Status,
}

/// <summary>
/// What the items list shows, read from the query string and written back into it, so that a link
/// shares the exact view. Values that do not read (a page of "abc", priority "P9") are dropped rather
/// than refused: a shared link that is a little off still shows a list.
/// </summary>
public sealed record ItemFilter
{
    public const int PageSize = 50;

    /// <summary>The status filter for items not yet complete.</summary>
    public const string OpenStatus = "open";

    /// <summary>The status filter for completed items.</summary>
    public const string CompleteStatus = "complete";

    public const string AllPhases = "all";

    /// <summary>Free text is split into at most this many words, each of which must match.</summary>
    public const int MaxSearchWords = 8;

    /// <summary>The LIKE escape character that <see cref="ContainsPattern"/> writes before a literal % or _.</summary>
    public const char LikeEscape = '\\';

    /// <summary>True for <c>phase=all</c>.</summary>
    public bool AllPhasesSelected { get; init; }

    /// <summary>The phase asked for by number; null (and not all phases) means the current phase.</summary>
    public int? PhaseNumber { get; init; }

    /// <summary><see cref="OpenStatus"/>, <see cref="CompleteStatus"/> or a status label as the document writes it.</summary>
    public string? Status { get; init; }

    /// <summary>0 to 3 for P0 to P3.</summary>
    public int? Priority { get; init; }

    public string? Owner { get; init; }

    public string? Text { get; init; }

    public ItemSort Sort { get; init; } = ItemSort.Number;

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public static ItemFilter Read(string? phase, string? status, string? priority, string? owner, string? q, string? sort, string? dir, string? page)
    {
        var (sortKey, descending) = ReadSort(sort, dir);
        return new ItemFilter
        {
            AllPhasesSelected = string.Equals(phase?.Trim(), AllPhases, StringComparison.OrdinalIgnoreCase),
            PhaseNumber = int.TryParse(phase, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
            Status = Clean(status),
            Priority = ReadPriority(priority),
            Owner = Clean(owner),
            Text = Clean(q),
            Sort = sortKey,
            Descending = descending,
            Page = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1,
        };
    }

    public bool IsOpenStatus => string.Equals(Status, OpenStatus, StringComparison.OrdinalIgnoreCase);

    public bool IsCompleteStatus => string.Equals(Status, CompleteStatus, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether anything narrows the list beyond the phase.</summary>
    public bool HasFilters => Status is not null || Priority is not null || Owner is not null || Text is not null;

    /// <summary>The phase as the query string writes it: "all", a number, or nothing for the current phase.</summary>
    public string? PhaseValue => AllPhasesSelected ? AllPhases : PhaseNumber?.ToString(CultureInfo.InvariantCulture);

    public string? PriorityValue => Priority is { } p ? $"P{p}" : null;

    /// <summary>The sort as the query string writes it: "effort", or "-effort" for descending.</summary>
    public string SortValue => (Descending ? "-" : "") + Sort.ToString().ToLowerInvariant();

    /// <summary>The lower-cased words of the free-text search.</summary>
    public IReadOnlyList<string> SearchWords =>
        Text is null ? [] : [.. Text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxSearchWords)];

    /// <summary>A LIKE pattern that finds <paramref name="word"/> anywhere, with its wildcards taken literally.</summary>
    public static string ContainsPattern(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var pattern = new StringBuilder(word.Length + 2).Append('%');
        foreach (var c in word)
        {
            if (c is '%' or '_' or LikeEscape)
            {
                pattern.Append(LikeEscape);
            }

            pattern.Append(c);
        }

        return pattern.Append('%').ToString();
    }

    /// <summary>The list's address with this filter; page 1 and the default sort are left out.</summary>
    public string ToUrl() => "/items" + ToQueryString();

    public string ToQueryString()
    {
        var values = new List<KeyValuePair<string, string?>>();
        Add(values, "phase", PhaseValue);
        Add(values, "status", Status);
        Add(values, "priority", PriorityValue);
        Add(values, "owner", Owner);
        Add(values, "q", Text);
        if (Sort != ItemSort.Number || Descending)
        {
            Add(values, "sort", SortValue);
        }

        if (Page > 1)
        {
            Add(values, "page", Page.ToString(CultureInfo.InvariantCulture));
        }

        return values.Count == 0 ? "" : QueryHelpers.AddQueryString("", values);
    }

    /// <summary>The same view sorted by <paramref name="sort"/>: ascending first, descending when it already sorts ascending by it.</summary>
    public ItemFilter SortedBy(ItemSort sort) =>
        this with { Sort = sort, Descending = Sort == sort && !Descending, Page = 1 };

    public ItemFilter OnPage(int page) => this with { Page = page };

    private static void Add(List<KeyValuePair<string, string?>> values, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values.Add(new(key, value));
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? ReadPriority(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text[0] is 'P' or 'p')
        {
            text = text[1..];
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 3 ? p : null;
    }

    private static (ItemSort Sort, bool Descending) ReadSort(string? sort, string? dir)
    {
        var text = sort?.Trim() ?? "";
        var descending = false;
        if (text.StartsWith('-'))
        {
            descending = true;
            text = text[1..];
        }

        if (string.Equals(dir?.Trim(), "desc", StringComparison.OrdinalIgnoreCase))
        {
            descending = true;
        }

        // Enum.TryParse would also take "2" or "Number,Title"; only the names are sort keys.
        var key = Enum.GetValues<ItemSort>().FirstOrDefault(s => string.Equals(s.ToString(), text, StringComparison.OrdinalIgnoreCase));
        return (key, descending);
    }
}
