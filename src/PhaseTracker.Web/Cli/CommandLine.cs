using System.Globalization;

using Microsoft.Data.Sqlite;

using Npgsql;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Infrastructure;

using Serilog;
using Serilog.Events;
using Serilog.Sinks.SystemConsole.Themes;

namespace PhaseTracker.Web.Cli;

/// <summary>
/// The command-line verbs (<c>import</c>, <c>export</c>, <c>check</c>, <c>users ...</c>): the contract scripts rely on.
/// Documents alone go to stdout; logs, warnings and errors to stderr; exit code 0 or 1; never a stack trace.
/// </summary>
public static class CommandLine
{
    private static readonly VerbSyntax[] Verbs =
    [
        ImportVerb.Syntax,
        ExportVerb.Syntax,
        CheckVerb.Syntax,
        UsersVerb.Add,
        UsersVerb.Token,
        UsersVerb.ResetPassword,
        MigrateVerb.Syntax,
        BackupVerb.Syntax,
        RestoreVerb.Syntax,
    ];

    private static string AllUsages => string.Join("; ", Verbs.Select(v => v.Usage));

    /// <summary>
    /// Whether the arguments ask for a command rather than the web app: a first argument that is no
    /// host option (<c>--urls …</c>, <c>key=value</c>) is a command, known or not.
    /// </summary>
    public static bool IsCommand(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return false;
        }

        var first = args[0];
        return first is "-h" or "--help" or "-?"
            || (first.Length > 0 && first[0] is not ('-' or '/') && !first.Contains('=', StringComparison.Ordinal));
    }

    /// <summary>Runs one command that reads nothing from standard input and gives its exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, TextReader.Null, stdout, stderr, cancellationToken);

    /// <summary>Runs one command and gives its exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var verb = args.Length > 0 ? args[0] : "";
            if (verb is "help" or "-h" or "--help" or "-?")
            {
                await stdout.WriteLineAsync($"Usage: {AllUsages}. Without a command the web app starts.");
                return 0;
            }

            // "users" takes a second word: users add, users token, users reset-password.
            var words = verb == UsersVerb.Name ? 2 : 1;
            if (words == 2 && (args.Length < 2 || args[1].StartsWith('-')))
            {
                throw new UsageException(
                    $"users needs one of add, token, reset-password. Usage: {string.Join("; ", Verbs.Where(v => v.Verb.StartsWith(UsersVerb.Name + " ", StringComparison.Ordinal)).Select(v => v.Usage))}.");
            }

            var command = string.Join(' ', args[..words]);
            var syntax = Verbs.FirstOrDefault(v => v.Verb == command)
                ?? throw new UsageException($"Unknown command '{command}'. Usage: {AllUsages}.");
            var arguments = VerbArguments.Parse(syntax, args[words..]);
            return syntax.Verb switch
            {
                ImportVerb.Name => await ImportVerb.RunAsync(arguments, stderr, cancellationToken),
                ExportVerb.Name => await ExportVerb.RunAsync(arguments, stdout, stderr, cancellationToken),
                CheckVerb.Name => await CheckVerb.RunAsync(arguments, stdout, stderr, cancellationToken),
                MigrateVerb.Name => await MigrateVerb.RunAsync(arguments, stderr, cancellationToken),
                BackupVerb.Name => await BackupVerb.RunAsync(arguments, stderr, cancellationToken),
                RestoreVerb.Name => await RestoreVerb.RunAsync(arguments, stderr, cancellationToken),
                _ => await UsersVerb.RunAsync(arguments, stdin, stdout, stderr, cancellationToken),
            };
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync(Describe(ex));
            return 1;
        }
        finally
        {
            await stdout.FlushAsync(CancellationToken.None);
            await stderr.FlushAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The services a verb needs, on the database <c>--db</c> names or else the configured one,
    /// migrated before use. Logs go to stderr.
    /// </summary>
    internal static async Task<IHost> OpenAsync(string? connectionString, CancellationToken cancellationToken)
    {
        var host = Build(connectionString);
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            await PhaseTrackerDatabase.MigrateAsync(scope.ServiceProvider, cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The services a verb needs, on the database <c>--db</c> names or else the configured one, not migrated yet.</summary>
    internal static IHost Build(string? connectionString)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppFolder.Path,
            EnvironmentName = environment,
        });
        if (connectionString is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseSettings.ConnectionStringKey] = connectionString,
                [DatabaseSettings.ProviderKey] = "Sqlite",
            });
        }

        DatabaseSettings.ValidateProvider(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((_, logger) => logger
            .MinimumLevel.Warning()
            // EF Core logs failed commands with their SQL; the verb says what went wrong in one sentence.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Fatal)
            .WriteTo.Console(
                outputTemplate: "{Level:u3} {Message:lj}{NewLine}",
                standardErrorFromLevel: LogEventLevel.Verbose,
                theme: ConsoleTheme.None));
        builder.Services.AddPhaseTrackerServices();
        return builder.Build();
    }

    internal static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new CommandException(Directory.Exists(path) ? $"'{path}' is a folder, not a file." : $"There is no file '{path}'.");
        }

        // Refused before reading it whole, in the reader's words, with the file's real size.
        if (info.Length > Tracking.TrackingDocumentReader.MaxBytes)
        {
            throw new CommandException(string.Create(
                CultureInfo.InvariantCulture,
                $"The document is {info.Length / (1024.0 * 1024.0):0.#} MB; documents up to 10 MB are accepted."));
        }

        return await File.ReadAllBytesAsync(path, cancellationToken);
    }

    private static string Describe(Exception ex) => ex switch
    {
        UsageException or CommandException or DatabaseConfigurationException => ex.Message,
        OperationCanceledException => "Cancelled.",
        UnauthorizedAccessException => $"Access denied: {FirstLine(ex.Message)}",
        IOException => $"A file could not be read or written: {FirstLine(ex.Message)}",
        SqliteException sqlite => $"The database could not be used: {FirstLine(sqlite.Message)}",
        NpgsqlException postgres => $"The database could not be used: {FirstLine(postgres.Message)}",
        _ => $"The command failed: {FirstLine(ex.Message)}",
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}

/// <summary>A verb could not do its work; the message says why in one sentence.</summary>
public sealed class CommandException(string message) : Exception(message);
