using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Dashboard;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.Web.Infrastructure;

public static class PhaseTrackerServices
{
    /// <summary>What both the web app and the command-line verbs use: the database and the feature services.</summary>
    public static IServiceCollection AddPhaseTrackerServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddPhaseTrackerDatabase();
        services.AddScoped<ImportService>();
        services.AddScoped<ExportService>();
        services.AddScoped<DashboardQuery>();
        return services;
    }
}
