using Microsoft.EntityFrameworkCore;

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
        var items = await ItemsQuery.Order(filtered.Include(i => i.Phase), filter.Sort, filter.Descending)
            .Skip((number - 1) * size)
            .Take(size)
            .ToListAsync(cancellationToken);
        return new ApiPage<ItemDto>([.. items.Select(i => ItemDto.From(i, origin))], number, size, total);
    }

    /// <summary>The item (not deleted) with its phase; null when there is none.</summary>
    public async Task<ItemDto?> GetAsync(int id, string origin, CancellationToken cancellationToken) =>
        await db.DeferredItems.AsNoTracking().Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } item
            ? ItemDto.From(item, origin)
            : null;
}
