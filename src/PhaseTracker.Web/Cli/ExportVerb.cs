using System.Text;

using PhaseTracker.Web.Features.Export;

namespace PhaseTracker.Web.Cli;

/// <summary>
/// <c>export [--out FILE] [--db PATH] [--phase N] [--format markdown|json] [--diagrams]</c>: the document alone on
/// stdout (with <c>--diagrams</c>, a Mermaid gantt and quadrant chart added where it has none);
/// <c>export --adr-dir DIR</c>: one MADR file per decision record into DIR instead. A markdown export is
/// remembered as the phase's last given-out text, the base the next import merges against.
/// </summary>
internal static class ExportVerb
{
    public const string Name = "export";

    public static readonly VerbSyntax Syntax = new(
        Name, "export [--out FILE] [--db PATH] [--phase N] [--format markdown|json] [--diagrams] [--adr-dir DIR]", [], ["--out", "--db", "--phase", "--format", "--adr-dir"], ["--diagrams"]);

    /// <summary>
    /// Documents are written as UTF-8 without a byte order mark: the bytes are exactly the text's, so a
    /// document that began with U+FEFF gets its mark back and no other does.
    /// </summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static async Task<int> RunAsync(VerbArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var phase = args.Number("--phase");
        var format = args.Choice("--format", ExportFormat.Markdown);
        var output = args.Value("--out");
        var adrDirectory = args.Value("--adr-dir");

        using var host = await CommandLine.OpenAsync(ImportVerb.DatabaseOption(args), cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        if (adrDirectory is not null)
        {
            return await WriteDecisionRecordsAsync(scope.ServiceProvider.GetRequiredService<ExportService>(), phase, adrDirectory, stderr, cancellationToken);
        }

        var options = new ExportOptions(Diagrams: args.Flag("--diagrams"), RecordAsBase: true);
        var result = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(phase, format, options, cancellationToken);
        if (result.Text is not { } text)
        {
            await stderr.WriteLineAsync(result.Error);
            return 1;
        }

        if (output is null)
        {
            await stdout.WriteAsync(text);
        }
        else
        {
            await File.WriteAllBytesAsync(output, Utf8.GetBytes(text), cancellationToken);
        }

        return 0;
    }

    /// <summary>Writes the MADR files into <paramref name="directory"/> (created when missing) and names each on stderr.</summary>
    private static async Task<int> WriteDecisionRecordsAsync(ExportService export, int? phase, string directory, TextWriter stderr, CancellationToken cancellationToken)
    {
        var files = await export.DecisionRecordFilesAsync(phase, folder: "", cancellationToken);
        Directory.CreateDirectory(directory);
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.Path);
            await File.WriteAllBytesAsync(path, Utf8.GetBytes(file.Text), cancellationToken);
            await stderr.WriteLineAsync($"wrote {path}");
        }

        await stderr.WriteLineAsync(files.Count == 0
            ? "The database holds no decision record: no file written."
            : $"{files.Count} decision record file(s) written to {directory}.");
        return 0;
    }
}
