using System.Text;

using PhaseTracker.Web.Features.Export;

namespace PhaseTracker.Web.Cli;

/// <summary><c>export [--out FILE] [--db PATH] [--phase N] [--format markdown|json]</c>: the document alone on stdout.</summary>
internal static class ExportVerb
{
    public const string Name = "export";

    public static readonly VerbSyntax Syntax = new(
        Name, "export [--out FILE] [--db PATH] [--phase N] [--format markdown|json]", [], ["--out", "--db", "--phase", "--format"], []);

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

        using var host = await CommandLine.OpenAsync(ImportVerb.DatabaseOption(args), cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(phase, format, cancellationToken);
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
}
