using BenchmarkDotNet.Attributes;

using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.Benchmarks;

/// <summary>
/// Import and export through the web app's own services on a migrated SQLite file: what the command
/// line and the API do, without process start-up and host building.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class DatabaseBenchmarks
{
    private string _folder = "";
    private byte[] _document = [];
    private BenchmarkDatabase? _storedDatabase;
    private BenchmarkDatabase? _importDatabase;

    [Params(1000, 10000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("phasetracker-bench-").FullName;
        _document = BenchmarkDocuments.Bytes(Items);
    }

    /// <summary>Export and re-import work on a database that holds the document already.</summary>
    [GlobalSetup(Targets = [nameof(Export), nameof(Reimport)])]
    public void SetupStored()
    {
        Setup();
        _storedDatabase = BenchmarkDatabase.Create(_folder);
        using var db = _storedDatabase.NewContext();
        var result = AppServices.Import(db)
            .ImportAsync(_document, dryRun: false).GetAwaiter().GetResult();
        if (!result.Accepted)
        {
            throw new InvalidOperationException($"The generated document was refused: {result.Rejection}");
        }
    }

    /// <summary>Every import goes into a new, migrated, empty database (migrating is not measured).</summary>
    [IterationSetup(Target = nameof(Import))]
    public void NewImportDatabase() => _importDatabase = BenchmarkDatabase.Create(_folder);

    [IterationCleanup(Target = nameof(Import))]
    public void DropImportDatabase() => _importDatabase?.Dispose();

    /// <summary>Read the document and store the new phase with all its records, in one transaction.</summary>
    [Benchmark]
    public async Task<ImportResult> Import()
    {
        using var db = _importDatabase!.NewContext();
        var result = await AppServices.Import(db).ImportAsync(_document, dryRun: false);
        return result.Accepted ? result : throw new InvalidOperationException($"The import was refused: {result.Rejection}");
    }

    /// <summary>Import the document the database holds already: everything is compared, nothing changes.</summary>
    [Benchmark]
    public async Task<ImportResult> Reimport()
    {
        using var db = _storedDatabase!.NewContext();
        var result = await AppServices.Import(db).ImportAsync(_document, dryRun: false);
        return result.Summary is { Changed: false } ? result : throw new InvalidOperationException($"The same document again changed something or was refused: {result.Rejection}");
    }

    /// <summary>Load the current phase with its records and write its document.</summary>
    [Benchmark]
    public async Task<string> Export()
    {
        using var db = _storedDatabase!.NewContext();
        var result = await AppServices.Export(db).ExportAsync(null, ExportFormat.Markdown);
        return result.Text ?? throw new InvalidOperationException(result.Error);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _storedDatabase?.Dispose();
        _importDatabase?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
