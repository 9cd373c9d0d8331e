using System.IO.Compression;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Export;

/// <summary>What the export tests share: the zip's entries, the generated blocks, the phase's remembered text.</summary>
public static partial class ExportFiles
{
    /// <summary>The seed with ADR-003 superseded by ADR-004, written on the older record only.</summary>
    public static string SeedWithSupersession => Seed.RepairedText.Replace(
        "### ADR-003: Exponential Backoff for Retries\n\n**Date:** November 12, 2025\n\n**Status:** Accepted ✅",
        "### ADR-003: Exponential Backoff for Retries\n\n**Date:** November 12, 2025\n\n**Status:** Superseded by ADR-004",
        StringComparison.Ordinal);

    /// <summary>Each entry's path and text.</summary>
    public static Dictionary<string, string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Seed.Utf8);
            return reader.ReadToEnd();
        });
    }

    public static int GeneratedGantts(string document) => GanttBlock().Count(document);

    public static int GeneratedQuadrantCharts(string document) => QuadrantBlock().Count(document);

    /// <summary>The document without its generated blocks and the blank line after each: what an export without diagrams gives.</summary>
    public static string WithoutGeneratedDiagrams(string document) => GeneratedBlock().Replace(document, "");

    public static async Task<string?> SourceTextAsync(this WebApplicationFactory<Program> factory, int phaseNumber)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        return await db.Phases.Where(p => p.Number == phaseNumber).Select(p => p.SourceText).SingleAsync();
    }

    /// <summary>Changes an item's effort behind the app's back (no history, no version bump), so the next export differs.</summary>
    public static async Task SetEffortAsync(this WebApplicationFactory<Program> factory, int phaseNumber, int itemNumber, double hours)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        await db.DeferredItems.Where(i => i.Phase!.Number == phaseNumber && i.Number == itemNumber)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.EffortHours, hours));
        await db.BumpDataVersionAsync(CancellationToken.None);
    }

    [GeneratedRegex("^<!-- phasetracker:generated -->\n```mermaid\n.*?^```\n\n", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex GeneratedBlock();

    [GeneratedRegex("^<!-- phasetracker:generated -->\n```mermaid\ngantt\n", RegexOptions.Multiline)]
    private static partial Regex GanttBlock();

    [GeneratedRegex("^<!-- phasetracker:generated -->\n```mermaid\nquadrantChart\n", RegexOptions.Multiline)]
    private static partial Regex QuadrantBlock();
}
