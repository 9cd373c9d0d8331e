namespace PhaseTracker.Web.Features.Items;

/// <summary>A phase the list can show, for the phase filter.</summary>
public sealed record PhaseOption(int Number, string Title, bool IsCurrent);

/// <summary>A value to filter by, with how many items of the shown phase have it.</summary>
public sealed record FilterOption(string Value, string Text, int Count);

public sealed record ItemRow(
    int Id,
    int Number,
    string Title,
    string? StatusEmoji,
    string? StatusLabel,
    bool IsComplete,
    int? Priority,
    string? PriorityLabel,
    double? EffortHours,
    string? Impact,
    string? Owner,
    int PhaseNumber)
{
    public string PriorityText => ItemText.Priority(Priority, PriorityLabel);

    public string EffortText => ItemText.Effort(EffortHours);
}

public sealed record ItemsPage(
    ItemFilter Filter,
    IReadOnlyList<PhaseOption> Phases,
    IReadOnlyList<FilterOption> Statuses,
    IReadOnlyList<FilterOption> Owners,
    IReadOnlyList<ItemRow> Rows,
    int TotalCount,
    PhaseOption? ShownPhase)
{
    /// <summary>A phase was asked for by a number no phase has.</summary>
    public bool UnknownPhase => Filter.PhaseNumber is not null && !Filter.AllPhasesSelected && ShownPhase is null;

    public bool HasAnyPhase => Phases.Count > 0;

    public int PageCount => Math.Max(1, (TotalCount + ItemFilter.PageSize - 1) / ItemFilter.PageSize);

    public int FirstRow => TotalCount == 0 ? 0 : ((Filter.Page - 1) * ItemFilter.PageSize) + 1;

    public int LastRow => FirstRow == 0 ? 0 : FirstRow + Rows.Count - 1;

    public string CountText => TotalCount == 1 ? "1 item" : $"{TotalCount} items";

    /// <summary>"ascending", "descending" or "none", for a column header's aria-sort.</summary>
    public string AriaSort(ItemSort sort) => Filter.Sort != sort ? "none" : Filter.Descending ? "descending" : "ascending";

    /// <summary>The page links to show: the first, the last, and two either side of the current one.</summary>
    public IReadOnlyList<int?> PageLinks
    {
        get
        {
            var pages = Enumerable.Range(1, PageCount)
                .Where(p => p == 1 || p == PageCount || Math.Abs(p - Filter.Page) <= 2)
                .ToList();
            List<int?> links = [];
            for (var i = 0; i < pages.Count; i++)
            {
                if (i > 0 && pages[i] - pages[i - 1] > 1)
                {
                    links.Add(null);
                }

                links.Add(pages[i]);
            }

            return links;
        }
    }
}

/// <summary>How item values read on every page.</summary>
public static class ItemText
{
    /// <summary>"P2 (Medium)", "P0", or a dash where the item has no priority.</summary>
    public static string Priority(int? priority, string? label) => priority is { } p
        ? label is { Length: > 0 } ? $"P{p} ({label})" : $"P{p}"
        : "—";

    /// <summary>"8 h", or a dash where the item gives no effort.</summary>
    public static string Effort(double? hours) => hours is { } h ? Features.Effort.FormatHours(h) : "—";
}
