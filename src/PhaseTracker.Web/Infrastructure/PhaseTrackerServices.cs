using System.Reflection;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Adrs;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Import;
using PhaseTracker.Web.Features.Items;
using PhaseTracker.Web.Features.Phases;
using PhaseTracker.Web.Features.Roadmap;
using PhaseTracker.Web.Features.Settings;
using PhaseTracker.Web.Features.Shared;
using PhaseTracker.Web.Infrastructure.Observability;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Infrastructure;

public static class PhaseTrackerServices
{
    /// <summary>What both the web app and the command-line verbs use: the database and the feature services.</summary>
    public static IServiceCollection AddPhaseTrackerServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddPhaseTrackerDatabase();
        services.AddMemoryCache(options => options.SizeLimit = 2_000);
        services.AddScoped<PageCache>();
        services.AddScoped<HistoryRecorder>();
        services.AddScoped<Workspace>();
        services.AddScoped<ImportService>();
        services.AddScoped<ExportService>();
        services.AddScoped<ItemEditor>();
        services.AddScoped<DecisionRecordEditor>();
        services.AddScoped<RoadmapEditor>();
        services.AddScoped<PhaseEditor>();
        services.AddSingleton<ItemCounts>();
        services.AddSingleton<PhaseTrackerMetrics>();
        services.AddPhaseTrackerAccounts();

        // Each page's read model is a "...Query" class in its feature folder; they register themselves.
        foreach (var query in typeof(PhaseTrackerServices).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Name.EndsWith("Query", StringComparison.Ordinal) &&
                                 t.Namespace?.StartsWith("PhaseTracker.Web.Features", StringComparison.Ordinal) == true &&
                                 t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null))
        {
            services.AddScoped(query);
        }

        return services;
    }
}
