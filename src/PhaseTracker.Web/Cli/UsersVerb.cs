using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Features.Users;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Cli;

/// <summary>
/// <c>users add|token|reset-password</c>: accounts from the command line, how the first admin comes to
/// be. The secret (a generated password, a token) goes to stdout alone, as the last word, so that a
/// script can capture it; what happened goes to stderr.
/// </summary>
internal static class UsersVerb
{
    public const string Name = "users";

    public static readonly VerbSyntax Add = new(
        "users add", "users add EMAIL --role Viewer|Lead|Admin [--password-stdin] [--db PATH]", ["EMAIL"], ["--role", "--db"], ["--password-stdin"]);

    public static readonly VerbSyntax Token = new(
        "users token", "users token EMAIL [--read-only] [--expires DAYS] [--db PATH]", ["EMAIL"], ["--expires", "--db"], ["--read-only"]);

    public static readonly VerbSyntax ResetPassword = new(
        "users reset-password", "users reset-password EMAIL [--password-stdin] [--db PATH]", ["EMAIL"], ["--db"], ["--password-stdin"]);

    public static async Task<int> RunAsync(VerbArguments args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // The arguments are checked before the database is opened: a usage error changes nothing.
        var role = args.Syntax == Add ? RoleOption(args) : null;
        var lifetime = args.Syntax == Token ? LifetimeOption(args) : 0;
        var password = args.Flag("--password-stdin") ? await ReadPasswordAsync(stdin, cancellationToken) : null;

        using var host = await CommandLine.OpenAsync(ImportVerb.DatabaseOption(args), cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var email = args.Positional(0);

        if (args.Syntax == Token)
        {
            var user = await users.FindByEmailAsync(email) ?? throw new CommandException($"There is no user {email}.");
            if (user.IsDisabled)
            {
                throw new CommandException($"{user.Email} is disabled: enable the user first.");
            }

            var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
                .IssueAsync(user, "Command line", args.Flag("--read-only"), lifetime, cancellationToken);
            var kind = issued.Token.IsReadOnly ? "read-only" : await users.GetRoleAsync(user);
            await stderr.WriteLineAsync($"A new {kind} token for {user.Email}, valid until {issued.Token.ExpiresUtc:yyyy-MM-dd}; it is shown only now.");
            await stdout.WriteLineAsync(issued.Secret);
            return 0;
        }

        var outcome = args.Syntax == Add
            ? await users.AddAsync(email, role!, password, cancellationToken)
            : await users.ResetPasswordAsync(email, password, cancellationToken);
        if (outcome.Error is { } error)
        {
            throw new CommandException(error);
        }

        await stderr.WriteLineAsync(args.Syntax == Add
            ? $"Added {outcome.User!.Email} as {role}."
            : $"Set a new password for {outcome.User!.Email}; their sessions have ended.");
        if (outcome.GeneratedPassword is { } generated)
        {
            await stdout.WriteLineAsync(generated);
        }

        return 0;
    }

    private static string RoleOption(VerbArguments args)
    {
        var given = args.Value("--role");
        return Roles.Parse(given) ?? throw new UsageException(
            $"--role takes {string.Join(", ", Roles.All)}{(given is null ? "" : $", not '{given}'")}. Usage: {Add.Usage}");
    }

    private static int LifetimeOption(VerbArguments args)
    {
        var days = args.Number("--expires") ?? ApiTokenService.DefaultLifetimeDays;
        return days is >= 1 and <= ApiTokenService.MaxLifetimeDays
            ? days
            : throw new UsageException($"--expires takes a number of days from 1 to {ApiTokenService.MaxLifetimeDays}. Usage: {Token.Usage}");
    }

    // One line: the password, without its line ending.
    private static async Task<string> ReadPasswordAsync(TextReader stdin, CancellationToken cancellationToken)
    {
        var line = await stdin.ReadLineAsync(cancellationToken);
        return string.IsNullOrEmpty(line)
            ? throw new CommandException("--password-stdin expects the password on one line of standard input, and none came.")
            : line;
    }
}
