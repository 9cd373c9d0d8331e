using Microsoft.Extensions.Diagnostics.HealthChecks;

using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Infrastructure;

/// <summary>Healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(PhaseTrackerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.");
}
