using System.Collections.Concurrent;
using System.Data.Common;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Infrastructure;

/// <summary>
/// Records every SQL command one app instance sends through EF Core, so a test can prove a page costs
/// the same number of commands for 10 items as for 1,000 (no N+1). Add it to an app with
/// <see cref="SqlCommandCounting.WithSqlCommandCounter"/>; it sees only that app's commands, so tests
/// running in parallel do not disturb it.
/// </summary>
/// <example>
/// <code>
/// var counter = new SqlCommandCounter();
/// using var client = factory.WithSqlCommandCounter(counter).CreateClient();
/// var commands = await counter.RecordAsync(() => client.GetAsync(new Uri("/items", UriKind.Relative)));
/// </code>
/// </example>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    /// <summary>How many commands ran since the last <see cref="Reset"/>.</summary>
    public int Count => _commands.Count;

    /// <summary>The text of each command since the last <see cref="Reset"/>, in the order they ran.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public void Reset() => _commands.Clear();

    /// <summary>Runs <paramref name="action"/> (one request, say) and returns the commands it sent.</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Reset();
        await action();
        return Commands;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        base.ReaderExecuting(Record(command), eventData, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        base.ReaderExecutingAsync(Record(command), eventData, result, cancellationToken);

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        base.ScalarExecuting(Record(command), eventData, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        base.ScalarExecutingAsync(Record(command), eventData, result, cancellationToken);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        base.NonQueryExecuting(Record(command), eventData, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        base.NonQueryExecutingAsync(Record(command), eventData, result, cancellationToken);

    private DbCommand Record(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _commands.Enqueue(command.CommandText);
        return command;
    }
}

public static class SqlCommandCounting
{
    /// <summary>
    /// The same app on the same database, with <paramref name="counter"/> watching its commands. The
    /// returned factory is owned (and disposed) by <paramref name="factory"/>.
    /// </summary>
    public static WebApplicationFactory<Program> WithSqlCommandCounter(this WebApplicationFactory<Program> factory, SqlCommandCounter counter)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<PhaseTrackerDbContext>(options => options.AddInterceptors(counter))));
    }
}
