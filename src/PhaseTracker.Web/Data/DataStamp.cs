using Microsoft.EntityFrameworkCore;

namespace PhaseTracker.Web.Data;

/// <summary>
/// One row whose number goes up with every change to the tracked data. Pages cache what they read
/// under that number, so every instance (several may share one PostgreSQL database) sees a change on
/// its next request and never serves another's stale page.
/// </summary>
public sealed class DataStamp
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Version { get; set; }
}

public static class DataStamps
{
    /// <summary>The current data version.</summary>
    public static Task<long> CurrentAsync(this PhaseTrackerDbContext db, CancellationToken cancellationToken) =>
        db.DataStamps.AsNoTracking().Where(s => s.Id == DataStamp.SingletonId).Select(s => s.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Marks the data as changed; call it inside the transaction that changes it.</summary>
    public static Task<int> BumpDataVersionAsync(this PhaseTrackerDbContext db, CancellationToken cancellationToken) =>
        db.DataStamps.Where(s => s.Id == DataStamp.SingletonId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);
}
