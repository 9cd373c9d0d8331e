using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.Web.Infrastructure;

/// <summary>
/// Before the web app serves: migrates the database (unless <c>Database:MigrateOnStart</c> is false,
/// as for several instances that the <c>migrate</c> verb upgrades once before they start), and on an
/// empty one imports the seed document so that the first page a new user sees is real. The
/// command-line verbs never seed.
/// </summary>
public sealed class DatabaseStartup(IServiceScopeFactory scopes, DatabaseSettings settings, ILogger<DatabaseStartup> logger) : IHostedService
{
    public const string SeedFile = "PHASE2_TRACKING.md";

    /// <summary>Who the history names for the seed's import into an empty database.</summary>
    public const string FirstStartActor = "first start";

    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "seeds", SeedFile);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (settings.MigrateOnStart)
        {
            await PhaseTrackerDatabase.MigrateAsync(scope.ServiceProvider, cancellationToken);
        }
        else if (await PhaseTrackerDatabase.PendingMigrationsAsync(scope.ServiceProvider, cancellationToken) is { Count: > 0 } pending)
        {
            // An instance of a newer version must not serve on the older schema: it would fail on every page.
            throw new DatabaseConfigurationException(
                $"The database lacks {pending.Count} migration(s) of this version ({pending[^1]}) and {DatabaseSettings.MigrateOnStartKey} is false: " +
                "run the 'migrate' command once, then start the instances.");
        }

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
        var result = await scope.ServiceProvider.GetRequiredService<ImportService>()
            .ImportAsync(document, dryRun: false, Actor.Import(FirstStartActor, seedPath), cancellationToken: cancellationToken);
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
