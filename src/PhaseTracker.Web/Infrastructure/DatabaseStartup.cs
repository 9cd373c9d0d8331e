using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.Web.Infrastructure;

/// <summary>
/// Before the web app serves: migrates the database, and on an empty one imports the seed document
/// so that the first page a new user sees is real. The command-line verbs never seed.
/// </summary>
public sealed class DatabaseStartup(IServiceScopeFactory scopes, ILogger<DatabaseStartup> logger) : IHostedService
{
    public const string SeedFile = "PHASE2_TRACKING.md";

    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "seeds", SeedFile);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await PhaseTrackerDatabase.MigrateAsync(scope.ServiceProvider, cancellationToken);

        var seedPath = SeedPath;
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        if (await db.Phases.AnyAsync(cancellationToken))
        {
            return;
        }

        if (!File.Exists(seedPath))
        {
            logger.LogWarning("The database holds no phase and there is no seed document at {SeedPath}", seedPath);
            return;
        }

        var document = await File.ReadAllBytesAsync(seedPath, cancellationToken);
        var result = await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(document, dryRun: false, cancellationToken);
        if (result.Rejection?.ToString() is { } rejection)
        {
            logger.LogWarning("The seed document {SeedPath} was not imported: {Rejection}", seedPath, rejection);
        }
        else if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Imported the seed document {SeedPath} into the empty database", seedPath);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
