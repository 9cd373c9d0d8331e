using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Items;

/// <summary>
/// The items list: filters, sorting, counting and paging all happen in SQL, so a page costs the same
/// few commands for 10 items or 10,000.
/// </summary>
public sealed class ItemsQuery(PhaseTrackerDbContext db, PageCache cache)
{
    public Task<ItemsPage> GetAsync(ItemFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return cache.GetOrCreateAsync("items" + filter.ToQueryString(), token => ReadAsync(filter, token), cancellationToken);
    }

    private async Task<ItemsPage> ReadAsync(ItemFilter filter, CancellationToken cancellationToken)
    {
        var phases = await db.Phases.AsNoTracking().CurrentFirst()
            .Select(p => new { p.Id, p.Number, p.Title })
            .ToListAsync(cancellationToken);
        var options = phases.Select((p, index) => new PhaseOption(p.Number, p.Title, IsCurrent: index == 0)).OrderBy(p => p.Number).ToList();

        var shown = filter.AllPhasesSelected ? null
            : filter.PhaseNumber is { } number ? phases.FirstOrDefault(p => p.Number == number)
            : phases.FirstOrDefault();
        if (phases.Count == 0 || (shown is null && !filter.AllPhasesSelected))
        {
            return new ItemsPage(filter with { Page = 1 }, options, [], [], [], 0, null);
        }

        var scope = db.DeferredItems.AsNoTracking();
        if (shown is not null)
        {
            scope = scope.Where(i => i.PhaseId == shown.Id);
        }

        var statuses = await StatusOptionsAsync(scope, cancellationToken);
        var owners = await scope.Where(i => i.Owner != null)
            .GroupBy(i => i.Owner!)
            .Select(g => new { Owner = g.Key, Count = g.Count() })
            .OrderBy(g => g.Owner)
            .ToListAsync(cancellationToken);

        var filtered = Filter(scope, filter);
        var count = await filtered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (count + ItemFilter.PageSize - 1) / ItemFilter.PageSize);
        var page = Math.Min(filter.Page, pageCount);
        var rows = await Order(filtered, filter.Sort, filter.Descending)
            .Skip((page - 1) * ItemFilter.PageSize)
            .Take(ItemFilter.PageSize)
            .Select(i => new ItemRow(
                i.Id, i.Number, i.Title, i.StatusEmoji, i.StatusLabel, i.IsComplete, i.Priority, i.PriorityLabel,
                i.EffortHours, i.Impact, i.Owner, i.Phase!.Number))
            .ToListAsync(cancellationToken);

        return new ItemsPage(
            filter with { Page = page },
            options,
            statuses,
            [.. owners.Select(o => new FilterOption(o.Owner, o.Owner, o.Count))],
            rows,
            count,
            shown is null ? null : options.First(o => o.Number == shown.Number));
    }

    /// <summary>"Open" and "Complete", then each status label in the order the document first uses it.</summary>
    private static async Task<IReadOnlyList<FilterOption>> StatusOptionsAsync(IQueryable<DeferredItem> scope, CancellationToken cancellationToken)
    {
        var groups = await scope
            .GroupBy(i => new { i.StatusLabel, i.IsComplete })
            .Select(g => new { g.Key.StatusLabel, g.Key.IsComplete, Count = g.Count(), First = g.Min(i => i.Number) })
            .ToListAsync(cancellationToken);

        List<FilterOption> options =
        [
            new(ItemFilter.OpenStatus, "Open (not complete)", groups.Where(g => !g.IsComplete).Sum(g => g.Count)),
            new(ItemFilter.CompleteStatus, "Complete", groups.Where(g => g.IsComplete).Sum(g => g.Count)),
        ];
        options.AddRange(groups
            .Where(g => g.StatusLabel is not null)
            .GroupBy(g => g.StatusLabel!)
            .Select(g => new { Label = g.Key, Count = g.Sum(x => x.Count), First = g.Min(x => x.First) })
            .Where(g => !string.Equals(g.Label, ItemFilter.OpenStatus, StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(g.Label, ItemFilter.CompleteStatus, StringComparison.OrdinalIgnoreCase))
            .OrderBy(g => g.First).ThenBy(g => g.Label, StringComparer.Ordinal)
            .Select(g => new FilterOption(g.Label, g.Label, g.Count)));
        return options;
    }

    internal static IQueryable<DeferredItem> Filter(IQueryable<DeferredItem> items, ItemFilter filter)
    {
        if (filter.IsOpenStatus)
        {
            items = items.Where(i => !i.IsComplete);
        }
        else if (filter.IsCompleteStatus)
        {
            items = items.Where(i => i.IsComplete);
        }
        else if (filter.Status is { } status)
        {
            items = items.Where(i => i.StatusLabel == status);
        }

        if (filter.Priority is { } priority)
        {
            items = items.Where(i => i.Priority == priority);
        }

        if (filter.Owner is { } owner)
        {
            items = items.Where(i => i.Owner == owner);
        }

        // SearchText is lower-cased when an item is saved, so a LIKE on the lower-cased word is
        // case-insensitive on every database, for every script.
        var escape = ItemFilter.LikeEscape.ToString();
        foreach (var word in filter.SearchWords)
        {
            var pattern = ItemFilter.ContainsPattern(word);
            items = items.Where(i => EF.Functions.Like(i.SearchText, pattern, escape));
        }

        return items;
    }

    /// <summary>Empty values sort last either way; ties go by phase and item number.</summary>
    internal static IQueryable<DeferredItem> Order(IQueryable<DeferredItem> items, ItemSort sort, bool descending)
    {
        var ordered = sort switch
        {
            ItemSort.Title => descending ? items.OrderByDescending(i => i.Title.ToLower()) : items.OrderBy(i => i.Title.ToLower()),
            ItemSort.Priority => ThenBy(items.OrderBy(i => i.Priority == null), i => i.Priority, descending)
                // Within a priority the bigger job comes first: it has to start sooner.
                .ThenBy(i => i.EffortHours == null).ThenByDescending(i => i.EffortHours),
            ItemSort.Effort => ThenBy(items.OrderBy(i => i.EffortHours == null), i => i.EffortHours, descending),
            ItemSort.Owner => ThenBy(items.OrderBy(i => i.Owner == null), i => i.Owner!.ToLower(), descending),
            ItemSort.Status => ThenBy(items.OrderBy(i => i.StatusLabel == null), i => i.StatusLabel!.ToLower(), descending),
            _ => descending
                ? items.OrderByDescending(i => i.Phase!.Number).ThenByDescending(i => i.Number)
                : items.OrderBy(i => i.Phase!.Number).ThenBy(i => i.Number),
        };

        return sort == ItemSort.Number ? ordered : ordered.ThenBy(i => i.Phase!.Number).ThenBy(i => i.Number);
    }

    private static IOrderedQueryable<DeferredItem> ThenBy<TKey>(
        IOrderedQueryable<DeferredItem> items, System.Linq.Expressions.Expression<Func<DeferredItem, TKey>> key, bool descending) =>
        descending ? items.ThenByDescending(key) : items.ThenBy(key);
}
