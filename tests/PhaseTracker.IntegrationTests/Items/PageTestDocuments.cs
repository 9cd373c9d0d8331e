using System.Net;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Benchmarks;
using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.IntegrationTests.Items;

/// <summary>Documents and database steps the page tests share: import, look up ids, empty the database.</summary>
public static partial class PageTestDocuments
{
    /// <summary>A generated document of <paramref name="items"/> items for phase <paramref name="phase"/>, without decision records.</summary>
    public static string Generated(int items, int phase = 2) =>
        TrackingDocumentGenerator.Generate(items, adrs: 0, seed: 7)
            .Replace("Phase 2 Tracking", $"Phase {phase} Tracking", StringComparison.Ordinal);

    /// <summary>Imports <paramref name="text"/> through the app's own import service; fails the test when it is refused.</summary>
    public static async Task<ImportSummary> ImportAsync(this WebApplicationFactory<Program> factory, string text)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(Seed.Utf8.GetBytes(text), dryRun: false);
        Assert.True(result.Accepted, result.Rejection?.ToString());
        return result.Summary!;
    }

    public static async Task<int> ItemIdAsync(this WebApplicationFactory<Program> factory, int phaseNumber, int itemNumber)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        return await db.DeferredItems.Where(i => i.Phase!.Number == phaseNumber && i.Number == itemNumber).Select(i => i.Id).SingleAsync();
    }

    /// <summary>Deletes every phase (and with it every item), as a database that never had a document.</summary>
    public static async Task DeleteAllPhasesAsync(this WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        await db.DecisionRecords.ExecuteDeleteAsync();
        await db.Phases.ExecuteDeleteAsync();
        await db.BumpDataVersionAsync(CancellationToken.None);
    }

    public static async Task<string> GetPageAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return body;
    }

    /// <summary>The rows of a table whose title cell links to an item: (item id, title as the HTML has it).</summary>
    public static IReadOnlyList<(int Id, string Title)> ItemRows(string html) =>
        [.. ItemRowPattern().Matches(html).Select(m => (int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), WebUtility.HtmlDecode(m.Groups["title"].Value)))];

    /// <summary>The part of the page inside the element that starts with <paramref name="startMarker"/>, up to the next <paramref name="endMarker"/>.</summary>
    public static string Section(string html, string startMarker, string endMarker)
    {
        ArgumentNullException.ThrowIfNull(html);
        var start = html.IndexOf(startMarker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no \"{startMarker}\"");
        var end = html.IndexOf(endMarker, start + startMarker.Length, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    [GeneratedRegex("<th scope=\"row\"[^>]*><a href=\"/items/(?<id>\\d+)\">(?<title>[^<]*)</a>")]
    private static partial Regex ItemRowPattern();
}
