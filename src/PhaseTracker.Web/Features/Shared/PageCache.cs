using Microsoft.Extensions.Caching.Memory;

using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Features.Shared;

/// <summary>
/// Caches what pages read, under the database's data version (<see cref="DataStamp"/>): a repeated read
/// of unchanged data costs no query at all, a change this process makes is seen by the next request, and
/// a change on another instance within the <see cref="DataVersionMonitor"/>'s interval.
/// </summary>
public sealed class PageCache(IMemoryCache cache, PhaseTrackerDbContext db, DataVersionMonitor dataVersion)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<T> GetOrCreateAsync<T>(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var version = await dataVersion.CurrentAsync(db, cancellationToken);
        var entryKey = (typeof(T), key, version);
        if (cache.TryGetValue(entryKey, out T? cached) && cached is not null)
        {
            return cached;
        }

        var value = await read(cancellationToken);
        cache.Set(entryKey, value, new MemoryCacheEntryOptions { SlidingExpiration = Lifetime, Size = 1 });
        return value;
    }
}
