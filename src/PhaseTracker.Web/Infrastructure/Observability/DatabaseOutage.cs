using System.Data.Common;

using Microsoft.Data.Sqlite;

using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Infrastructure.Observability;

/// <summary>
/// While the database cannot be reached (gone, unreadable, not a database, locked beyond the busy
/// timeout, a server that does not answer), a request answers 503 with Retry-After instead of a 500:
/// pages with the friendly error page and its request id, the API with ProblemDetails. A database
/// error that is a bug (a broken constraint, bad SQL) stays a 500.
/// </summary>
public static partial class DatabaseOutage
{
    public const int RetryAfterSeconds = 30;

    public const string Detail = "The database is not available right now. Try again in a minute.";

    // SQLite result codes (https://sqlite.org/rescode.html) that mean "cannot use the file", not "bad statement".
    private static readonly HashSet<int> UnavailableSqliteCodes =
    [
        3, // SQLITE_PERM
        5, // SQLITE_BUSY
        6, // SQLITE_LOCKED
        8, // SQLITE_READONLY
        10, // SQLITE_IOERR
        11, // SQLITE_CORRUPT
        13, // SQLITE_FULL
        14, // SQLITE_CANTOPEN
        26, // SQLITE_NOTADB
    ];

    /// <summary>Inside the error handling of pages and API alike: it answers before they see an exception.</summary>
    public static IApplicationBuilder UseDatabaseOutageResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsOutage(ex) && !context.Response.HasStarted)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage).FullName!);
            LogOutage(logger, ex, context.Request.Path);

            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ApiProblems.IsApi(context.Request))
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", Detail);
            }

            // Pages: an empty 503, which the status-code pages turn into the friendly error page.
        }
    });

    /// <summary>True when <paramref name="exception"/> or one it wraps says the database cannot be used.</summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is DbException db)
            {
                return IsOutage(db);
            }
        }

        return false;
    }

    private static bool IsOutage(DbException exception) => exception switch
    {
        // A missing table or column (SQLITE_ERROR) is a wrong schema, a bug to fix: it stays a 500.
        SqliteException sqlite => UnavailableSqliteCodes.Contains(sqlite.SqliteErrorCode),
        { IsTransient: true } => true,
        // A server's SQLSTATE: class 08 connection exception, 53 insufficient resources, 57 operator
        // intervention (shutdown), 58 system error.
        { SqlState: { Length: 5 } state } => state[..2] is "08" or "53" or "57" or "58",
        // No SQLSTATE: the provider failed before any server answered.
        _ => true,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The database is unavailable; {Path} answered 503")]
    private static partial void LogOutage(ILogger logger, Exception exception, string path);
}
