using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.Web.Cli;

/// <summary>
/// <c>import FILE [--db PATH] [--dry-run] [--theirs|--ours]</c>: 0 applied (warnings allowed), 1 refused and
/// nothing changed. The summary and each warning go to stderr. Where the document and the database both
/// changed a field since the last import, the import is refused with each conflict on stderr, unless
/// <c>--theirs</c> (the document wins) or <c>--ours</c> (the database wins) says which side wins.
/// </summary>
internal static class ImportVerb
{
    public const string Name = "import";

    public static readonly VerbSyntax Syntax = new(Name, "import FILE [--db PATH] [--dry-run] [--theirs|--ours]", ["FILE"], ["--db"], ["--dry-run", "--theirs", "--ours"]);

    public static async Task<int> RunAsync(VerbArguments args, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Flag("--theirs") && args.Flag("--ours"))
        {
            await stderr.WriteLineAsync("Give --theirs or --ours, not both: one side wins every conflict.");
            return 1;
        }

        var resolution = args.Flag("--theirs") ? ConflictResolution.Everywhere(ConflictSide.Document)
            : args.Flag("--ours") ? ConflictResolution.Everywhere(ConflictSide.Database)
            : ConflictResolution.None;
        var document = await CommandLine.ReadFileAsync(args.Positional(0), cancellationToken);
        using var host = await CommandLine.OpenAsync(DatabaseOption(args), cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportService>()
            .ImportAsync(document, new ImportOptions { DryRun = args.Flag("--dry-run"), FileName = args.Positional(0), Resolution = resolution }, cancellationToken);
        if (result.Summary is not { } summary)
        {
            await stderr.WriteLineAsync(result.Rejection!.ToString());
            return 1;
        }

        if (summary.Blocked)
        {
            await stderr.WriteLineAsync(summary.Headline);
            foreach (var conflict in summary.Conflicts.Where(c => c.Resolution is null))
            {
                await stderr.WriteLineAsync(conflict.ToString());
            }

            await stderr.WriteLineAsync("Run the import again with --theirs (the document wins) or --ours (the database wins).");
            return 1;
        }

        // stdout carries documents alone; the summary and the warnings are for the person reading.
        await stderr.WriteLineAsync(summary.Headline);
        await stderr.WriteLineAsync($"Items: {summary.Items}.");
        await stderr.WriteLineAsync($"Decision records: {summary.DecisionRecords}.");
        await stderr.WriteLineAsync($"Roadmap weeks: {summary.RoadmapWeeks}.");
        await stderr.WriteLineAsync($"Warnings: {summary.WarningCount}; repairs: {summary.RepairCount}.");
        foreach (var conflict in summary.Conflicts)
        {
            await stderr.WriteLineAsync($"{conflict} The {(conflict.Resolution == ConflictSide.Database ? "database" : "document")} wins.");
        }

        await WriteWarningsAsync(summary, stderr);
        return 0;
    }

    internal static string? DatabaseOption(VerbArguments args) =>
        args.Value("--db") is { } path ? DatabaseSettings.ForSqliteFile(path) : null;

    internal static async Task WriteWarningsAsync(ImportSummary summary, TextWriter stderr)
    {
        foreach (var warning in summary.Warnings)
        {
            await stderr.WriteLineAsync(warning.ToString());
        }
    }
}
