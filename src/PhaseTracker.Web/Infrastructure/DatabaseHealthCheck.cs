using System.Data.Common;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Infrastructure;

/// <summary>
/// Healthy when the database answers a query on its own tables: connecting alone is not enough (SQLite
/// "connects" to a file that is no database, or creates an empty one where the file went missing).
/// </summary>
public sealed class DatabaseHealthCheck(PhaseTrackerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await db.Phases.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.", ex);
        }
    }
}
