using System.Diagnostics;

using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Cli;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Account;

namespace PhaseTracker.IntegrationTests.Cli;

/// <summary><c>users add</c>, <c>users token</c>, <c>users reset-password</c>, each test on its own database file.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private const string Password = "copper-willow-sextant-9";

    private readonly TempDirectory _directory = new();

    private string Db => _directory.File("users.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Users_add_prints_a_generated_password_as_the_only_word_on_stdout_and_it_signs_in()
    {
        var run = await CommandLineRun.RunAsync("users", "add", "admin@example.com", "--role", "Admin", "--db", Db);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("Added admin@example.com as Admin.\n", run.Stderr);
        var password = run.Stdout.TrimEnd('\n');
        Assert.Matches("^[A-Za-z0-9]{20}$", password);
        Assert.True(await CheckPasswordAsync("admin@example.com", password));
        Assert.Equal(["Admin"], await RolesOfAsync("admin@example.com"));
    }

    [Fact]
    public async Task Users_add_with_password_stdin_takes_one_line_and_prints_nothing_on_stdout()
    {
        var run = await CommandLineRun.RunWithInputAsync(Password + "\nignored second line\n", "users", "add", "lead@example.com", "--role", "lead", "--password-stdin", "--db", Db);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.True(await CheckPasswordAsync("lead@example.com", Password));
        Assert.Equal(["Lead"], await RolesOfAsync("lead@example.com"));
    }

    [Theory]
    [InlineData("short-one", "Passwords must be at least 12 characters.")]
    [InlineData("password1234", "This password is among the first ones attackers try: choose another.")]
    public async Task Users_add_refuses_a_weak_password_in_one_sentence_and_adds_nobody(string password, string error)
    {
        var run = await CommandLineRun.RunWithInputAsync(password + "\n", "users", "add", "weak@example.com", "--role", "Viewer", "--password-stdin", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(error + "\n", run.Stderr);
        await using var db = CommandLineRun.OpenDatabase(Db);
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Users_add_refuses_an_email_that_is_taken()
    {
        await AddAsync("taken@example.com");

        var run = await CommandLineRun.RunAsync("users", "add", "TAKEN@example.com", "--role", "Admin", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("There is already a user TAKEN@example.com.\n", run.Stderr);
    }

    [Theory]
    [InlineData(new[] { "users", "add", "x@example.com" }, "--role takes Viewer, Lead, Admin. Usage: users add EMAIL")]
    [InlineData(new[] { "users", "add", "x@example.com", "--role", "Owner" }, "--role takes Viewer, Lead, Admin, not 'Owner'. Usage: users add EMAIL")]
    [InlineData(new[] { "users", "add", "not-an-email", "--role", "Viewer" }, "Email 'not-an-email' is invalid.")]
    [InlineData(new[] { "users" }, "users needs one of add, token, reset-password. Usage: users add EMAIL")]
    [InlineData(new[] { "users", "remove", "x@example.com" }, "Unknown command 'users remove'. Usage: ")]
    [InlineData(new[] { "users", "token" }, "EMAIL is missing. Usage: users token EMAIL")]
    [InlineData(new[] { "users", "token", "x@example.com", "--expires", "0" }, "--expires takes a number of days from 1 to 365. Usage: users token EMAIL")]
    [InlineData(new[] { "users", "token", "x@example.com", "--expires", "soon" }, "--expires takes a number, not 'soon'. Usage: users token EMAIL")]
    [InlineData(new[] { "users", "token", "nobody@example.com" }, "There is no user nobody@example.com.")]
    [InlineData(new[] { "users", "reset-password", "nobody@example.com" }, "There is no user nobody@example.com.")]
    public async Task A_wrong_users_command_says_why_in_one_line_and_exits_1(string[] args, string error)
    {
        var run = await CommandLineRun.RunAsync([.. args, "--db", Db]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith(error, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Users_token_prints_the_token_as_the_last_word_and_keeps_only_its_hash()
    {
        await AddAsync("ci@example.com");

        var run = await CommandLineRun.RunAsync("users", "token", "ci@example.com", "--read-only", "--expires", "30", "--db", Db);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var token = run.Stdout.TrimEnd('\n').Split(' ', '\n')[^1];
        Assert.StartsWith(ApiTokenService.Prefix, token, StringComparison.Ordinal);
        Assert.Contains("read-only token for ci@example.com", run.Stderr, StringComparison.Ordinal);
        await using var db = CommandLineRun.OpenDatabase(Db);
        var row = await db.ApiTokens.SingleAsync();
        Assert.Equal(ApiTokenService.Hash(token), row.SecretHash);
        Assert.True(row.IsReadOnly);
        Assert.Equal(30, Math.Round((row.ExpiresUtc - row.CreatedUtc).TotalDays));
        Assert.Null(row.RevokedUtc);
    }

    [Fact]
    public async Task Users_token_without_options_gives_a_full_token_for_90_days()
    {
        await AddAsync("lead@example.com", "Lead");

        var run = await CommandLineRun.RunAsync("users", "token", "lead@example.com", "--db", Db);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Lead token", run.Stderr, StringComparison.Ordinal);
        await using var db = CommandLineRun.OpenDatabase(Db);
        var row = await db.ApiTokens.SingleAsync();
        Assert.False(row.IsReadOnly);
        Assert.Equal(90, Math.Round((row.ExpiresUtc - row.CreatedUtc).TotalDays));
    }

    [Fact]
    public async Task Users_token_refuses_a_disabled_user()
    {
        await AddAsync("gone@example.com");
        await using (var db = CommandLineRun.OpenDatabase(Db))
        {
            await db.Users.ExecuteUpdateAsync(set => set.SetProperty(u => u.IsDisabled, true));
        }

        var run = await CommandLineRun.RunAsync("users", "token", "gone@example.com", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("gone@example.com is disabled: enable the user first.\n", run.Stderr);
    }

    [Fact]
    public async Task Users_reset_password_prints_a_new_password_unlocks_and_the_old_one_stops_working()
    {
        await AddAsync("forgetful@example.com");
        await using (var db = CommandLineRun.OpenDatabase(Db))
        {
            await db.Users.ExecuteUpdateAsync(set => set
                .SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10))
                .SetProperty(u => u.AccessFailedCount, 5));
        }

        var run = await CommandLineRun.RunAsync("users", "reset-password", "forgetful@example.com", "--db", Db);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var password = run.Stdout.TrimEnd('\n');
        Assert.Matches("^[A-Za-z0-9]{20}$", password);
        Assert.True(await CheckPasswordAsync("forgetful@example.com", password));
        Assert.False(await CheckPasswordAsync("forgetful@example.com", Password));
        await using var after = CommandLineRun.OpenDatabase(Db);
        var user = await after.Users.SingleAsync();
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
    }

    [Fact]
    public async Task Users_reset_password_refuses_a_weak_password_and_keeps_the_old_one()
    {
        await AddAsync("careful@example.com");

        var run = await CommandLineRun.RunWithInputAsync("tooshort\n", "users", "reset-password", "careful@example.com", "--password-stdin", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Passwords must be at least 12 characters.\n", run.Stderr);
        Assert.True(await CheckPasswordAsync("careful@example.com", Password));
    }

    [Fact]
    public async Task Users_add_run_as_a_process_reads_the_password_from_stdin()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _directory.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "PhaseTracker.Web.dll"), "users", "add", "first@example.com", "--role", "Admin", "--password-stdin", "--db", Db })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(Password);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal("", await stdout);
        Assert.Equal("Added first@example.com as Admin.\n", await stderr);
        SqliteConnection.ClearAllPools();
        Assert.True(await CheckPasswordAsync("first@example.com", Password));
    }

    private async Task AddAsync(string email, string role = "Viewer")
    {
        var run = await CommandLineRun.RunWithInputAsync(Password + "\n", "users", "add", email, "--role", role, "--password-stdin", "--db", Db);
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    private async Task<bool> CheckPasswordAsync(string email, string password)
    {
        using var host = await CommandLine.OpenAsync(DatabaseSettings.ForSqliteFile(Db), CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password);
    }

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        using var host = await CommandLine.OpenAsync(DatabaseSettings.ForSqliteFile(Db), CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }
}
