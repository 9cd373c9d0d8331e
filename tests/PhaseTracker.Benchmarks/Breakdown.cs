using System.Diagnostics;
using System.Globalization;

using Markdig;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.Benchmarks;

/// <summary>
/// Where import and export spend their time, step by step, with a stopwatch (no profiler needed):
/// <c>profile [ITEMS...]</c>, e.g. <c>profile 1000 10000</c>. After a silent warm-up pass, each step
/// runs once more to warm up, then five times; the median is printed in milliseconds. Rows marked
/// "of which" are differences of two medians, so on a busy machine they are rough.
/// </summary>
internal static class Breakdown
{
    private const int Runs = 5;

    private static readonly MarkdownPipeline Markdig = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length == 0 ? [1000, 10000] : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var folder = Directory.CreateTempSubdirectory("phasetracker-profile-").FullName;
        try
        {
            // One silent pass first, so that the first size measured does not pay for the JIT.
            var stdout = Console.Out;
            Console.SetOut(TextWriter.Null);
            await ProfileAsync(1000, folder);
            Console.SetOut(stdout);

            foreach (var items in sizes)
            {
                await ProfileAsync(items, folder);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static async Task ProfileAsync(int items, string folder)
    {
        var bytes = BenchmarkDocuments.Bytes(items);
        var read = TrackingDocumentReader.Read(bytes);
        var phase = read.Phase ?? throw new InvalidOperationException($"refused: {read.Rejection}");
        var lossless = TrackingDocumentWriter.Write(phase, read.DecisionRecords) == read.Text;
        Console.WriteLine($"## {items:N0} items, {bytes.Length:N0} bytes, {read.Warnings.Count} warnings, round trip {(lossless ? "byte-identical" : "NOT identical")}");
        Console.WriteLine();
        Console.WriteLine("| step | median ms |");
        Console.WriteLine("|---|---:|");

        var text = EncodingRepair.Decode(bytes).Text;
        Report("engine: decode + encoding repair (EncodingRepair.Decode)", Measure(() => EncodingRepair.Decode(bytes)));
        Report("engine: Markdig parse alone (pipe tables, precise locations)", Measure(() => Markdown.Parse(text, Markdig)));
        var readTime = Measure(() => TrackingDocumentReader.Read(bytes));
        Report("engine: TrackingDocumentReader.Read (all of the above + model)", readTime);
        var writeTime = Measure(() => TrackingDocumentWriter.Write(phase, read.DecisionRecords));
        Report("engine: TrackingDocumentWriter.Write", writeTime);

        // Import into a new database each time; creating and migrating it is not counted.
        var importTimes = new List<double>();
        for (var run = 0; run <= Runs; run++)
        {
            using var database = BenchmarkDatabase.Create(folder);
            using var db = database.NewContext();
            var watch = Stopwatch.StartNew();
            var result = await AppServices.Import(db).ImportAsync(bytes, dryRun: false);
            watch.Stop();
            _ = result.Accepted ? result : throw new InvalidOperationException($"refused: {result.Rejection}");
            if (run > 0)
            {
                importTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var import = Median(importTimes);
        Report("import: ImportService.ImportAsync into a new database", import);
        Report("import: … of which storing (ImportAsync − Read)", import - readTime);

        using var stored = BenchmarkDatabase.Create(folder);
        async Task<ImportResult> ImportAgain()
        {
            using var db = stored.NewContext();
            return await AppServices.Import(db).ImportAsync(bytes, dryRun: false);
        }

        await ImportAgain();
        var reimport = await MeasureAsync(ImportAgain);
        Report("import: the same document again (nothing changes)", reimport);

        var export = await MeasureAsync(async () =>
        {
            using var db = stored.NewContext();
            return (await AppServices.Export(db).ExportAsync(null, ExportFormat.Markdown)).Text;
        });
        Report("export: ExportService.ExportAsync", export);

        // The writer on a phase as the database gives it back (loaded here the plain way).
        using (var db = stored.NewContext())
        {
            var loaded = await db.Phases.AsNoTracking().CurrentFirst().FirstAsync();
            var id = loaded.Id;
            loaded.Items = await db.DeferredItems.AsNoTracking().Where(i => i.PhaseId == id).OrderBy(i => i.Number).ToListAsync();
            loaded.MatrixRows = await db.MatrixRows.AsNoTracking().Where(r => r.PhaseId == id).OrderBy(r => r.Ordinal).ToListAsync();
            loaded.RoadmapWeeks = await db.RoadmapWeeks.AsNoTracking().Where(w => w.PhaseId == id).OrderBy(w => w.Line).ToListAsync();
            var records = await db.DecisionRecords.AsNoTracking().Where(d => d.PhaseId == id).OrderBy(d => d.Number).ToListAsync();
            var writeLoaded = Measure(() => TrackingDocumentWriter.Write(loaded, records));
            Report("export: … of which TrackingDocumentWriter.Write of the loaded phase", writeLoaded);
            Report("export: … of which loading (ExportAsync − that Write)", export - writeLoaded);
        }

        Report("export: the same rows read with plain ADO.NET (no EF Core, no JSON)", await MeasureAsync(() => ReadRawAsync(stored.Path, decodeJson: false)));
        Report("export: … and the items' four JSON list columns decoded", await MeasureAsync(() => ReadRawAsync(stored.Path, decodeJson: true)));
        Console.WriteLine();
    }

    /// <summary>Reads every column of every row of the tables an export loads, as the floor under loading them.</summary>
    private static async Task<long> ReadRawAsync(string path, bool decodeJson)
    {
        string[] lists = ["WhyDeferred", "Done", "Missing"];
        await using var connection = new SqliteConnection(DatabaseSettings.ForSqliteFile(path));
        await connection.OpenAsync();
        long characters = 0;
        foreach (var table in new[] { "Phases", "DeferredItems", "MatrixRows", "RoadmapWeeks", "DecisionRecords" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetFieldType(i) == typeof(string))
                    {
                        var value = reader.GetString(i);
                        characters += value.Length;
                        if (decodeJson && table == "DeferredItems")
                        {
                            var name = reader.GetName(i);
                            if (lists.Contains(name))
                            {
                                characters += JsonColumn.Deserialize<List<string>>(value).Count;
                            }
                            else if (name == "Plan")
                            {
                                characters += JsonColumn.Deserialize<List<PlanStep>>(value).Count;
                            }
                        }
                    }
                }
            }
        }

        return characters;
    }

    private static void Report(string step, double milliseconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {milliseconds:0} |"));

    private static double Measure<T>(Func<T> action)
    {
        GC.KeepAlive(action());
        var times = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Median(times);
    }

    private static async Task<double> MeasureAsync<T>(Func<Task<T>> action)
    {
        GC.KeepAlive(await action());
        var times = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(await action());
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Median(times);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
