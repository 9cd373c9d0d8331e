using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

using Npgsql;

namespace PhaseTracker.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for one test run: <c>initdb</c> into a temp folder, <c>pg_ctl start</c>
/// on a free loopback port (socket in the same folder), trust authentication on 127.0.0.1 only, and at the
/// end <c>pg_ctl stop</c> and the folder deleted. <c>initdb</c> refuses root, so under root the binaries run
/// as the <c>postgres</c> user, who is given the folder. Each test class gets a database of its own.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string BinDirectoryVariable = "PHASETRACKER_PG_BIN";
    private const string SystemUser = "postgres";

    private string? _root;
    private int _port;
    private bool _started;

    /// <summary>Where initdb and pg_ctl are: <c>PHASETRACKER_PG_BIN</c>, or the Debian package's folder.</summary>
    public static string BinDirectory { get; } =
        Environment.GetEnvironmentVariable(BinDirectoryVariable) is { Length: > 0 } configured ? configured : "/usr/lib/postgresql/15/bin";

    public static bool BinariesExist =>
        File.Exists(Path.Combine(BinDirectory, "initdb")) && File.Exists(Path.Combine(BinDirectory, "pg_ctl"));

    /// <summary>CI sets <c>CI</c>: there the PostgreSQL tests never skip, they fail when PostgreSQL is missing.</summary>
    public static bool IsCi => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CI"));

    public static string MissingMessage =>
        $"PostgreSQL is not installed here: there is no initdb and pg_ctl in {BinDirectory} (set {BinDirectoryVariable} to their folder, or install the Debian package postgresql-15).";

    /// <summary>Why the PostgreSQL tests are skipped on this machine, or null when they run.</summary>
    public static string? SkipReason => BinariesExist || IsCi ? null : MissingMessage + " The PostgreSQL tests are skipped; CI never skips them.";

    public async Task InitializeAsync()
    {
        if (!BinariesExist)
        {
            // Without CI the tests are skipped (PostgresFactAttribute) and this fixture stays idle; under
            // CI every PostgreSQL test fails with this sentence.
            if (IsCi)
            {
                throw new InvalidOperationException(MissingMessage + " CI never skips the PostgreSQL tests.");
            }

            return;
        }

        _root = Path.Combine(Path.GetTempPath(), $"phasetracker-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_root);
        var data = Path.Combine(_root, "data");
        var log = Path.Combine(_root, "postgres.log");
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", [$"{SystemUser}:", _root]);
        }

        try
        {
            await RunPostgresAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
            _port = FreePort();
            await RunPostgresAsync("pg_ctl", [
                "-D", data, "-l", log, "-w", "-t", "60",
                "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_root} -c fsync=off -c full_page_writes=off -c max_connections=300",
                "start",
            ]);
            _started = true;
        }
        catch (InvalidOperationException ex)
        {
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
            await DisposeAsync();
            throw new InvalidOperationException($"The PostgreSQL test cluster did not start: {ex.Message} {serverLog}", ex);
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_root is null)
        {
            return;
        }

        try
        {
            if (_started)
            {
                await RunPostgresAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
            _root = null;
            _started = false;
        }
    }

    /// <summary>The connection string of a database on the cluster.</summary>
    public string ConnectionString(string database)
    {
        EnsureRunning();
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _port,
            Username = "postgres",
            Database = database,
            // Each test host's pool empties when the test class ends (ClearPool), so databases can be dropped.
            MaxPoolSize = 20,
        }.ConnectionString;
    }

    /// <summary>Creates an empty database with a name of its own and gives its connection string.</summary>
    public string CreateDatabase()
    {
        EnsureRunning();
        var name = $"phasetracker_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    private void EnsureRunning()
    {
        if (!_started)
        {
            throw new InvalidOperationException(BinariesExist ? "The PostgreSQL test cluster did not start." : MissingMessage);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunPostgresAsync(string program, IReadOnlyList<string> args)
    {
        var path = Path.Combine(BinDirectory, program);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", SystemUser, "--", path, .. args])
            : RunAsync(path, args);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', args)} failed with exit code {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}

/// <summary>The PostgreSQL tests share one cluster per run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// A test on PostgreSQL: skipped, with the reason, on a machine without PostgreSQL, unless <c>CI</c> is
/// set; in CI it runs, and fails with a clear sentence when PostgreSQL is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
