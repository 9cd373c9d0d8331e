using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Cli;

/// <summary>
/// <c>migrate [--db PATH]</c>: brings the database up to this version's schema and exits. Several
/// instances behind a load balancer run with <c>Database:MigrateOnStart=false</c>; this command upgrades
/// their shared database once, before they start. What it did goes to stderr.
/// </summary>
internal static class MigrateVerb
{
    public const string Name = "migrate";

    public static readonly VerbSyntax Syntax = new(Name, "migrate [--db PATH]", [], ["--db"], []);

    public static async Task<int> RunAsync(VerbArguments args, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var host = CommandLine.Build(ImportVerb.DatabaseOption(args));
        await using var scope = host.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<DatabaseSettings>().Provider;
        var pending = await PhaseTrackerDatabase.PendingMigrationsAsync(scope.ServiceProvider, cancellationToken);
        await PhaseTrackerDatabase.MigrateAsync(scope.ServiceProvider, cancellationToken);
        await stderr.WriteLineAsync(pending.Count == 0
            ? $"The {provider} database is up to date."
            : $"Applied {pending.Count} migration(s) to the {provider} database: {string.Join(", ", pending)}.");
        return 0;
    }
}
