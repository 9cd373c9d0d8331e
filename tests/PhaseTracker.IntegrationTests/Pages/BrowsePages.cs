using System.Net;
using System.Text;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.IntegrationTests.Pages;

/// <summary>The pages a team member browses, and what tests of every page need.</summary>
public static partial class BrowsePages
{
    /// <summary>Every browse page; <c>{item}</c> stands for an item id the items list links to.</summary>
    public static readonly string[] Paths = ["/", "/items", "/items/{item}", "/matrix", "/roadmap", "/adrs", "/adrs/1", "/document"];

    /// <summary>The paths with <c>{item}</c> replaced by the first item the items list links to.</summary>
    public static async Task<IReadOnlyList<string>> ResolveAsync(HttpClient client, IEnumerable<string>? paths = null)
    {
        var list = await client.GetStringAsync(new Uri("/items", UriKind.Relative));
        var item = ItemLink().Match(list);
        Assert.True(item.Success, "The items list links to no item (/items/{id}).");
        return [.. (paths ?? Paths).Select(p => p.Replace("{item}", item.Groups["id"].Value, StringComparison.Ordinal))];
    }

    /// <summary>Fetches a page, which must answer 200 with HTML.</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}.");
        return body;
    }

    /// <summary>Imports a tracking document into the factory's database, as the import verb does.</summary>
    public static async Task<ImportResult> ImportAsync(this PhaseTrackerFactory factory, string document)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportService>();
        return await import.ImportAsync(Encoding.UTF8.GetBytes(document), dryRun: false);
    }

    /// <summary>Imports a document that must be accepted.</summary>
    public static async Task ImportValidAsync(this PhaseTrackerFactory factory, string document)
    {
        var result = await factory.ImportAsync(document);
        Assert.True(result.Accepted, $"The document was rejected: {result.Rejection}");
    }

    /// <summary>Removes every phase (and with them all tracked data): the empty database a new install has before its seed.</summary>
    public static async Task EmptyDatabaseAsync(this PhaseTrackerFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        await db.Phases.ExecuteDeleteAsync();
        await db.BumpDataVersionAsync(CancellationToken.None);
    }

    /// <summary>
    /// The page without the attributes CSS isolation adds to a view's elements (<c>&lt;dt b-1a2b3c4d5e class=...&gt;</c>),
    /// so that tests can look for markup as the view writes it.
    /// </summary>
    public static string WithoutCssScopes(string html) => CssScope().Replace(html, "");

    [GeneratedRegex(" b-[a-z0-9]{10}(?=[ />])")]
    private static partial Regex CssScope();

    [GeneratedRegex("href=\"/items/(?<id>\\d+)\"")]
    private static partial Regex ItemLink();
}
