using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.Web.Cli;

/// <summary>
/// <c>import FILE [--db PATH] [--dry-run]</c>: 0 applied (warnings allowed), 1 refused and nothing changed.
/// The summary and each warning go to stderr.
/// </summary>
internal static class ImportVerb
{
    public const string Name = "import";

    public static readonly VerbSyntax Syntax = new(Name, "import FILE [--db PATH] [--dry-run]", ["FILE"], ["--db"], ["--dry-run"]);

    public static async Task<int> RunAsync(VerbArguments args, TextWriter stderr, CancellationToken cancellationToken)
    {
        var document = await CommandLine.ReadFileAsync(args.Positional(0), cancellationToken);
        using var host = await CommandLine.OpenAsync(DatabaseOption(args), cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportService>()
            .ImportAsync(document, args.Flag("--dry-run"), actor: null, fileName: args.Positional(0), cancellationToken);
        if (result.Summary is not { } summary)
        {
            await stderr.WriteLineAsync(result.Rejection!.ToString());
            return 1;
        }

        // stdout carries documents alone; the summary and the warnings are for the person reading.
        await stderr.WriteLineAsync(summary.Headline);
        await stderr.WriteLineAsync($"Items: {summary.Items}.");
        await stderr.WriteLineAsync($"Decision records: {summary.DecisionRecords}.");
        await stderr.WriteLineAsync($"Warnings: {summary.WarningCount}; repairs: {summary.RepairCount}.");
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
