using System.Data.Common;
using System.Runtime.CompilerServices;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhaseTracker.Web.Data;

/// <summary>
/// The data version (<see cref="DataStamp"/>) as this process last read it. Pages ask on every request;
/// the database is asked at most once per <c>Cache:DataVersionCheckMilliseconds</c> (default 250), because
/// that one round trip was most of the cost of a cached page (docs/performance.md, ADR 0006). A change this
/// process commits is seen at once (<see cref="DataChangeInterceptor"/> calls <see cref="Changed"/>); a
/// change another instance commits is seen within the interval.
/// </summary>
public sealed class DataVersionMonitor(IConfiguration configuration, TimeProvider time)
{
    public const string IntervalKey = "Cache:DataVersionCheckMilliseconds";
    private const int DefaultIntervalMilliseconds = 250;

    private readonly long _intervalTicks = ReadInterval(configuration, time);
    private readonly Lock _lock = new();
    private long _version;
    private long _readAt;
    private bool _known;

    // Bumped by every local change: a version read that began before a change must not be kept after it.
    private long _generation;

    // The version each request (each scope's context) read: a request that asks several times (the
    // authorization's settings, the layout, the page) pays for one read, even with an interval of 0.
    // A context lives for one request (no context pooling); a local change starts a new generation,
    // so a request that writes and then reads sees its own write.
    private readonly ConditionalWeakTable<PhaseTrackerDbContext, Reading> _readByContext = [];

    private sealed record Reading(long Version, long Generation);

    public async Task<long> CurrentAsync(PhaseTrackerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        long generation;
        lock (_lock)
        {
            if (_known && time.GetTimestamp() - _readAt < _intervalTicks)
            {
                return _version;
            }

            if (_readByContext.TryGetValue(db, out var reading) && reading.Generation == _generation)
            {
                return reading.Version;
            }

            generation = _generation;
        }

        var readAt = time.GetTimestamp();
        var version = await db.CurrentAsync(cancellationToken);
        lock (_lock)
        {
            if (generation == _generation)
            {
                _version = version;
                _readAt = readAt;
                _known = true;
                _readByContext.AddOrUpdate(db, new Reading(version, generation));
            }
        }

        return version;
    }

    /// <summary>This process changed the data: the next request reads the version again.</summary>
    public void Changed()
    {
        lock (_lock)
        {
            _generation++;
            _known = false;
        }
    }

    private static long ReadInterval(IConfiguration settings, TimeProvider time)
    {
        var milliseconds = int.TryParse(settings[IntervalKey], out var value) && value >= 0 ? value : DefaultIntervalMilliseconds;
        return milliseconds * time.TimestampFrequency / 1000;
    }
}

/// <summary>
/// Tells the <see cref="DataVersionMonitor"/> about every write this process makes: when a transaction
/// commits, when SaveChanges saves outside one, and after a bulk update or delete outside one.
/// </summary>
public sealed class DataChangeInterceptor(DataVersionMonitor monitor) : DbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => monitor.Changed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        monitor.Changed();
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        monitor.Changed();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        monitor.Changed();
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        NoteWrite(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NoteWrite(command);
        return ValueTask.FromResult(result);
    }

    // Inside a transaction the commit tells; outside one the statement is its own commit.
    private void NoteWrite(DbCommand command)
    {
        if (command.Transaction is null)
        {
            monitor.Changed();
        }
    }
}
