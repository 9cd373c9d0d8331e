using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;

namespace PhaseTracker.Benchmarks;

/// <summary>A throwaway SQLite file, migrated the way the app migrates its own, with its contexts.</summary>
public sealed class BenchmarkDatabase : IDisposable
{
    private readonly DbContextOptions<PhaseTrackerDbContext> _options;

    private BenchmarkDatabase(string path)
    {
        Path = path;
        var builder = new DbContextOptionsBuilder<PhaseTrackerDbContext>();
        builder.UsePhaseTrackerSqlite(DatabaseSettings.ForSqliteFile(path));
        _options = builder.Options;
    }

    public string Path { get; }

    /// <summary>Creates and migrates a new database file in <paramref name="folder"/>.</summary>
    public static BenchmarkDatabase Create(string folder)
    {
        var database = new BenchmarkDatabase(System.IO.Path.Combine(folder, $"bench-{Guid.NewGuid():N}.db"));
        using var db = database.NewContext();
        db.Database.Migrate();
        return database;
    }

    public PhaseTrackerDbContext NewContext() => new(_options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(Path + suffix);
        }
    }
}
