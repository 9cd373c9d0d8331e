using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Infrastructure.Api;

namespace PhaseTracker.Web.Features.Items;

/// <summary>
/// The items for the API: the list page's filters and sorts (<see cref="ItemsQuery"/>), with the API's
/// page size (up to 1,000) and every field of each item.
/// </summary>
public sealed class ItemsApiQuery(PhaseTrackerDbContext db)
{
    public async Task<ApiPage<ItemDto>> ListAsync(ItemFilter filter, int? page, int? pageSize, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (number, size) = ApiPaging.Normalize(page, pageSize);
        var scope = db.DeferredItems.AsNoTracking();
        if (!filter.AllPhasesSelected)
        {
            var phaseId = await db.Phases.AsNoTracking().NumberedOrCurrent(filter.PhaseNumber).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (phaseId is null)
            {
                return new ApiPage<ItemDto>([], number, size, 0);
            }

            scope = scope.Where(i => i.PhaseId == phaseId);
        }

        var filtered = ItemsQuery.Filter(scope, filter);
        var total = await filtered.CountAsync(cancellationToken);
        var items = await ItemsQuery.Order(filtered, filter.Sort, filter.Descending)
            .Skip((number - 1) * size)
            .Take(size)
            .Select(Fields)
            .ToListAsync(cancellationToken);
        return new ApiPage<ItemDto>([.. items.Select(i => ItemDto.From(i, origin))], number, size, total);
    }

    /// <summary>The item (not deleted) with its phase; null when there is none.</summary>
    public async Task<ItemDto?> GetAsync(int id, string origin, CancellationToken cancellationToken) =>
        await db.DeferredItems.AsNoTracking().Where(i => i.Id == id).Select(Fields).FirstOrDefaultAsync(cancellationToken) is { } item
            ? ItemDto.From(item, origin)
            : null;

    /// <summary>
    /// What an <see cref="ItemDto"/> shows, and of the phase its number only: the phase row carries the
    /// document's whole text and the item its section, which a list of 1,000 items must not drag along
    /// (an Include of the phase made the list take seconds under load; docs/performance.md).
    /// </summary>
    private static readonly System.Linq.Expressions.Expression<Func<DeferredItem, DeferredItem>> Fields = i => new DeferredItem
    {
        Id = i.Id,
        PhaseId = i.PhaseId,
        Phase = new Phase { Id = i.PhaseId, Number = i.Phase!.Number },
        Number = i.Number,
        Title = i.Title,
        FilePath = i.FilePath,
        StatusEmoji = i.StatusEmoji,
        StatusLabel = i.StatusLabel,
        StatusNote = i.StatusNote,
        IsComplete = i.IsComplete,
        WhyDeferred = i.WhyDeferred,
        Done = i.Done,
        Missing = i.Missing,
        Plan = i.Plan,
        EffortHours = i.EffortHours,
        Priority = i.Priority,
        PriorityLabel = i.PriorityLabel,
        Impact = i.Impact,
        Owner = i.Owner,
        TrackingIssue = i.TrackingIssue,
        CompletedOn = i.CompletedOn,
        PullRequest = i.PullRequest,
        ChangesToPlan = i.ChangesToPlan,
        Deferrals = i.Deferrals,
        RowVersion = i.RowVersion,
    };
}
