using System.Net;
using System.Text;
using System.Xml.Linq;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Benchmarks;
using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.IntegrationTests.Matrix;

/// <summary>What the matrix and roadmap tests share: documents, imports, and reading the chart out of a page.</summary>
public static class ChartPages
{
    /// <summary>A generated phase-2 document of <paramref name="items"/> items, without decision records.</summary>
    public static string Generated(int items) => TrackingDocumentGenerator.Generate(items, adrs: 0, seed: 11);

    /// <summary>A phase-3 document with nothing in it yet: no items, an empty matrix, a roadmap section without weeks.</summary>
    public const string EmptyPhase = """
        # 📋 Phase 3 Tracking — Deferred Items

        ## Overview

        **Purpose:** Track work deferred from Phase 2 to Phase 3.

        ---

        ## 🎯 Deferred Items from Phase 2

        _Nothing has been deferred yet._

        ---

        ## 📊 Phase 3 Priority Matrix

        | Item | Priority | Effort | Impact | Phase | Owner |
        |------|----------|--------|--------|-------|-------|

        **Total Phase 3 Effort:** 0 hours (~0.0 developer-days)

        ---

        ## 🗺️ Phase 3 Roadmap

        _To be planned when Phase 2 closes._

        ---

        **Last Updated:** December 1, 2025  
        **Version:** 0.1  
        **Status:** Phase 3 Not Yet Planned

        """;

    /// <summary>The matrix rows of a generated document, in order: (label, cells).</summary>
    public static IReadOnlyList<string[]> MatrixRows(string document) =>
        [.. document.Split('\n')
            .SkipWhile(line => !line.StartsWith("| Item |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())];

    /// <summary>Imports <paramref name="document"/> through the app's import service; fails the test when it is refused.</summary>
    public static async Task ImportDocumentAsync(this WebApplicationFactory<Program> factory, string document)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportService>()
            .ImportAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(document), dryRun: false);
        Assert.True(result.Accepted, result.Rejection?.ToString());
    }

    /// <summary>Removes every phase: the database of an install that never had a document.</summary>
    public static async Task RemoveAllPhasesAsync(this WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        await db.Phases.ExecuteDeleteAsync();
        await db.BumpDataVersionAsync(CancellationToken.None);
    }

    /// <summary>The id of item <paramref name="itemNumber"/> of phase <paramref name="phaseNumber"/>.</summary>
    public static async Task<int> IdOfItemAsync(this WebApplicationFactory<Program> factory, int phaseNumber, int itemNumber)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        return await db.DeferredItems.Where(i => i.Phase!.Number == phaseNumber && i.Number == itemNumber).Select(i => i.Id).SingleAsync();
    }

    /// <summary>
    /// The SQL commands each of <paramref name="paths"/> runs when read cold (just after importing a
    /// generated document of <paramref name="items"/> items) and when read again.
    /// </summary>
    public static async Task<Dictionary<string, (IReadOnlyList<string> Cold, IReadOnlyList<string> Again)>> CountCommandsAsync(int items, params string[] paths)
    {
        using var factory = new PhaseTrackerFactory();
        var counter = new SqlCommandCounter();
        var app = factory.WithSqlCommandCounter(counter);
        await app.ImportDocumentAsync(Generated(items));
        using var client = app.CreateClient();

        var counts = new Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var path in paths)
        {
            var cold = await counter.RecordAsync(() => client.ReadPageAsync(path));
            var again = await counter.RecordAsync(() => client.ReadPageAsync(path));
            counts[path] = (cold, again);
        }

        return counts;
    }

    /// <summary>GETs a page that must answer 200.</summary>
    public static async Task<string> ReadPageAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        return body;
    }

    /// <summary>
    /// The inline <c>&lt;svg&gt;</c> of the page whose class contains <paramref name="chartClass"/>, parsed as
    /// XML: parsing fails the test when the markup is not well formed (an unescaped title would break it).
    /// </summary>
    public static XElement Chart(string page, string chartClass)
    {
        ArgumentNullException.ThrowIfNull(page);
        var start = page.IndexOf("<svg", StringComparison.Ordinal);
        while (start >= 0 && !page[start..page.IndexOf('>', start)].Contains(chartClass, StringComparison.Ordinal))
        {
            start = page.IndexOf("<svg", start + 4, StringComparison.Ordinal);
        }

        Assert.True(start >= 0, $"the page has no <svg> of class {chartClass}");
        var end = page.IndexOf("</svg>", start, StringComparison.Ordinal);
        return Parse(page[start..(end + "</svg>".Length)]);
    }

    public static XElement Parse(string svg) => XElement.Parse(svg);

    /// <summary>The elements of the chart with the attribute <paramref name="attribute"/> (and that value, where given).</summary>
    public static IReadOnlyList<XElement> With(this XElement chart, string attribute, string? value = null) =>
        [.. chart.DescendantsAndSelf().Where(e => e.Attribute(attribute) is { } a && (value is null || a.Value == value))];

    /// <summary>The text of an element's own <c>&lt;title&gt;</c>.</summary>
    public static string? TitleText(this XElement element) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value;

    public static XName Svg(string name) => XName.Get(name, "http://www.w3.org/2000/svg");
}
