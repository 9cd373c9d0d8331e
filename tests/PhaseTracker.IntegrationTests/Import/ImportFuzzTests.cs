using System.Globalization;
using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.Import;

using Xunit.Abstractions;

namespace PhaseTracker.IntegrationTests.Import;

/// <summary>
/// Broken documents through the real import on a real SQLite file (PRODUCT.md rule 5): each one is
/// applied or refused with a reason, and a refused one leaves the database exactly as it was: the same
/// rows, the same data version, the same export of every phase. The mutations are random; the seed is
/// printed with any failure, and PHASETRACKER_FUZZ_SEED=N replays that run (docs/fuzzing.md).
/// </summary>
public sealed class ImportFuzzTests(PhaseTrackerFactory factory, ITestOutputHelper output) : IClassFixture<PhaseTrackerFactory>
{
    private const int Documents = 300;

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Every_broken_document_is_imported_or_refused_and_a_refusal_changes_nothing()
    {
        var seed = Environment.GetEnvironmentVariable("PHASETRACKER_FUZZ_SEED") is { } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var random = new Random(seed);
        var original = Seed.Bytes;

        var before = await SnapshotAsync();
        int applied = 0, refused = 0;
        for (var n = 0; n < Documents; n++)
        {
            var (how, bytes) = Mutate(original, random);
            var context = $"PHASETRACKER_FUZZ_SEED={seed}, document {n}: {how}";

            await using var scope = factory.Services.CreateAsyncScope();
            var import = scope.ServiceProvider.GetRequiredService<ImportService>();
            ImportResult result;
            try
            {
                result = await import.ImportAsync(bytes, dryRun: false, CancellationToken.None).WaitAsync(Guard);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"{context}: the import threw instead of applying or refusing.", ex);
            }

            var after = await SnapshotAsync();
            if (result.Accepted)
            {
                applied++;
            }
            else
            {
                refused++;
                var rejection = result.Rejection!;
                Assert.True(rejection.Line >= 0 && !string.IsNullOrWhiteSpace(rejection.Message) && !rejection.Message.Contains('\n', StringComparison.Ordinal),
                    $"{context}: the refusal is not one sentence with a line: {rejection}");
                Assert.True(before == after, $"{context}: refused ({rejection}), but the database changed:{Environment.NewLine}{before.Difference(after)}");
            }

            before = after;
        }

        output.WriteLine($"PHASETRACKER_FUZZ_SEED={seed}: {applied} applied, {refused} refused, each refusal changed nothing.");

        // Both outcomes were exercised, or the mutations are too weak (or too strong) to test anything.
        Assert.True(applied > 0 && refused > 0, $"PHASETRACKER_FUZZ_SEED={seed}: {applied} applied, {refused} refused");
    }

    /// <summary>One random way to break the seed; what it did, for the failure message.</summary>
    private static (string How, byte[] Bytes) Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var text = Encoding.UTF8.GetString(original);

        // Now and then the document claims another phase, so imports add phases as well as update one.
        if (random.Next(4) == 0)
        {
            text = text.Replace("Phase 2 Tracking", $"Phase {random.Next(2, 6)} Tracking", StringComparison.Ordinal);
            bytes = [.. Encoding.UTF8.GetBytes(text)];
        }

        switch (random.Next(7))
        {
            case 0:
            {
                var flips = random.Next(1, 6);
                var said = new List<string>();
                for (var i = 0; i < flips; i++)
                {
                    var at = random.Next(bytes.Count);
                    bytes[at] = (byte)random.Next(256);
                    said.Add($"{at}=0x{bytes[at]:X2}");
                }

                return ($"bytes flipped: {string.Join(", ", said)}", [.. bytes]);
            }

            case 1:
            {
                var lineStarts = LineStarts(bytes);
                var cut = lineStarts[random.Next(lineStarts.Count)];
                return ($"cut at byte {cut} (a line start)", [.. bytes.Take(cut)]);
            }

            case 2:
            case 3:
            {
                var level = random.Next(2, 4);
                var sections = Sections(Encoding.UTF8.GetString([.. bytes]), level);
                var order = Enumerable.Range(0, sections.Count).ToList();
                if (random.Next(2) == 0)
                {
                    // Shuffle every section after the title's.
                    order = [0, .. order.Skip(1).OrderBy(_ => random.Next())];
                }
                else
                {
                    var repeated = random.Next(sections.Count);
                    order.Insert(random.Next(repeated + 1, sections.Count + 1), repeated);
                }

                return ($"level {level} sections in the order {string.Join(",", order)}", Encoding.UTF8.GetBytes(string.Concat(order.Select(i => sections[i]))));
            }

            case 4:
            {
                byte[][] poison = [[0x00], [0x80], [0xC0, 0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xFF], [0x0D], [0x01], [0xEF, 0xBB, 0xBF]];
                var which = poison[random.Next(poison.Length)];
                var at = random.Next(bytes.Count + 1);
                bytes.InsertRange(at, which);
                return ($"{Convert.ToHexString(which)} inserted at byte {at}", [.. bytes]);
            }

            case 5:
            {
                string[] huge = ["99999999999999999999", "2147483648", "-1", "1e400", "0.0000001", new string('9', 300)];
                string[] places = ["**Estimated Effort:** 8", "### 3.", "| 8h |", "**Priority:** P1", "ADR-002", "Day 3", "Week 2"];
                var number = huge[random.Next(huge.Length)];
                var place = places[random.Next(places.Length)];
                var digits = place.TrimEnd("0123456789".ToCharArray());
                var replaced = place.Contains('|', StringComparison.Ordinal)
                    ? text.Replace(place, $"| {number}h |", StringComparison.Ordinal)
                    : text.Replace(place, digits + number + place[digits.Length..].TrimStart("0123456789".ToCharArray()), StringComparison.Ordinal);
                return ($"{number} for \"{place}\"", Encoding.UTF8.GetBytes(replaced));
            }

            default:
            {
                var depth = random.Next(20, 200);
                var marker = new[] { "> ", "- ", "1. ", "-\t", ">" }[random.Next(5)];
                var at = text.IndexOf("**Why Deferred:**", StringComparison.Ordinal);
                var nested = new StringBuilder().Insert(0, marker, depth).Append("deep\n\n").ToString();
                return ($"{depth} levels of \"{marker}\" in item 1", Encoding.UTF8.GetBytes(text.Insert(at, nested)));
            }
        }
    }

    private static List<int> LineStarts(List<byte> bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static List<string> Sections(string text, int level)
    {
        var marker = "\n" + new string('#', level) + " ";
        var sections = new List<string>();
        var start = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            sections.Add(text[start..(at + 1)]);
            start = at + 1;
        }

        sections.Add(text[start..]);
        return sections;
    }

    /// <summary>What a refused import must not change: the data version, every table's rows, every phase's export.</summary>
    private async Task<Snapshot> SnapshotAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        var export = scope.ServiceProvider.GetRequiredService<ExportService>();
        var counts = string.Join(", ",
            $"phases {await db.Phases.CountAsync()}",
            $"items {await db.DeferredItems.IgnoreQueryFilters().CountAsync()}",
            $"matrix rows {await db.MatrixRows.CountAsync()}",
            $"weeks {await db.RoadmapWeeks.CountAsync()}",
            $"records {await db.DecisionRecords.CountAsync()}",
            $"related {await db.RelatedDocuments.CountAsync()}",
            $"warnings {await db.DocumentWarnings.CountAsync()}",
            $"history {await db.HistoryEntries.CountAsync()}");
        var exports = new StringBuilder();
        foreach (var number in await db.Phases.OrderBy(p => p.Number).Select(p => p.Number).ToListAsync())
        {
            var exported = await export.ExportAsync(number, ExportFormat.Markdown);
            exports.Append("Phase ").Append(number).Append('\n').Append(exported.Text ?? exported.Error).Append('\n');
        }

        return new Snapshot(await db.CurrentAsync(CancellationToken.None), counts, exports.ToString());
    }

    private sealed record Snapshot(long DataVersion, string Counts, string Exports)
    {
        public string Difference(Snapshot after) =>
            DataVersion != after.DataVersion ? $"data version {DataVersion} became {after.DataVersion}"
            : Counts != after.Counts ? $"rows: {Counts}{Environment.NewLine}became: {after.Counts}"
            : "the export of a phase changed";
    }
}
