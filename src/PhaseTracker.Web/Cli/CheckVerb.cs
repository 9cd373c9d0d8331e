using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.Web.Cli;

/// <summary>
/// <c>check FILE [--strict]</c>: imports into a throwaway database, exports, and compares with the
/// document. 0 valid and lossless (repairs allowed and reported); 1 otherwise; <c>--strict</c> refuses
/// any warning or repair. Warnings and the verdict go to stderr, the unified diff (if any) to stdout.
/// <c>check FILE --against-db [--db PATH]</c> instead compares the file with the database's own export of
/// the file's phase: 1 with the diff where they differ, so a repo's CI can tell that someone edited the
/// file or the dashboard without carrying the change to the other side.
/// </summary>
internal static class CheckVerb
{
    public const string Name = "check";

    // Without --against-db, --db is accepted as on every verb, but check never writes to a database that is kept.
    public static readonly VerbSyntax Syntax = new(Name, "check FILE [--strict] [--against-db [--db PATH]]", ["FILE"], ["--db"], ["--strict", "--against-db"]);

    public static async Task<int> RunAsync(VerbArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var path = args.Positional(0);
        var name = Path.GetFileName(path);
        var document = await CommandLine.ReadFileAsync(path, cancellationToken);
        if (args.Flag("--against-db"))
        {
            return await AgainstDatabaseAsync(args, name, document, stdout, stderr, cancellationToken);
        }

        var databaseFile = Path.Combine(Path.GetTempPath(), $"phasetracker-check-{Guid.NewGuid():N}.db");
        try
        {
            using var host = await CommandLine.OpenAsync(DatabaseSettings.ForSqliteFile(databaseFile, pooling: false), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var imported = await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(document, dryRun: false, cancellationToken);
            if (imported.Summary is not { } summary)
            {
                await stderr.WriteLineAsync($"{name}: {imported.Rejection}");
                return 1;
            }

            await ImportVerb.WriteWarningsAsync(summary, stderr);
            var exported = await scope.ServiceProvider.GetRequiredService<ExportService>()
                .ExportAsync(summary.PhaseNumber, ExportFormat.Markdown, cancellationToken);
            var counts = $"{summary.Items.Added} items, {summary.WarningCount} warnings, {summary.RepairCount} repairs";
            if (exported.Text != imported.Text)
            {
                await stdout.WriteAsync(LineDiff.Unified(imported.Text, exported.Text ?? "", $"{name} (repaired)", $"{name} (exported)"));
                await stderr.WriteLineAsync($"{name}: valid ({counts}), but not lossless: the export differs from the document as shown.");
                return 1;
            }

            if (args.Flag("--strict") && summary.Warnings.Count > 0)
            {
                await stderr.WriteLineAsync($"{name}: valid and lossless ({counts}), but --strict allows no warning or repair.");
                return 1;
            }

            await stderr.WriteLineAsync($"{name}: valid and lossless ({counts}).");
            return 0;
        }
        finally
        {
            foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm", databaseFile + "-journal" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<int> AgainstDatabaseAsync(VerbArguments args, string name, byte[] document, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var read = TrackingDocumentReader.Read(document);
        if (!read.Accepted)
        {
            await stderr.WriteLineAsync($"{name}: {read.Rejection}");
            return 1;
        }

        var phase = read.Phase!.Number;
        using var host = await CommandLine.OpenAsync(ImportVerb.DatabaseOption(args), cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();

        // A file exported with --diagrams is compared with an export with diagrams: they are not an edit.
        var diagrams = new ExportOptions(Diagrams: read.Phase.Layout.Any(s => s.Kind == Domain.SegmentKind.Diagram));
        var exported = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(phase, ExportFormat.Markdown, diagrams, cancellationToken);
        if (exported.Text is not { } text)
        {
            await stderr.WriteLineAsync($"{name}: {exported.Error}");
            return 1;
        }

        // The file is compared as the import would read it: a repaired encoding is not a difference.
        var repairs = read.Warnings.Count(w => w.Kind == Domain.WarningKind.Repair);
        var repaired = repairs == 0 ? "" : $" (after {repairs} encoding repair(s) the import would make)";
        if (text != read.Text)
        {
            await stdout.WriteAsync(LineDiff.Unified(read.Text, text, name, $"database, phase {phase}"));
            await stderr.WriteLineAsync($"{name} differs from the database's phase {phase}{repaired}: one side was edited without the other; import the file or export the database.");
            return 1;
        }

        await stderr.WriteLineAsync($"{name} matches the database's phase {phase}{repaired}.");
        return 0;
    }
}
