using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.Import;
using PhaseTracker.Web.Infrastructure;

namespace PhaseTracker.Benchmarks;

/// <summary>
/// The web app's import and export services, constructed directly with the benchmark's DbContext; their
/// other dependencies (clock, logger, metrics) come from the app's own registrations, so the benchmarks
/// keep compiling when a service gains one.
/// </summary>
public static class AppServices
{
    private static readonly ServiceProvider Provider = Build();

    public static ImportService Import(PhaseTrackerDbContext db) => ActivatorUtilities.CreateInstance<ImportService>(Provider, db);

    public static ExportService Export(PhaseTrackerDbContext db) => ActivatorUtilities.CreateInstance<ExportService>(Provider, db);

    private static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddMetrics();
        services.AddPhaseTrackerServices();
        return services.BuildServiceProvider();
    }
}
