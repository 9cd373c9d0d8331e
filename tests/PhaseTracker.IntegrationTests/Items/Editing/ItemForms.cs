using System.Net;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure;

namespace PhaseTracker.IntegrationTests.Items.Editing;

/// <summary>
/// Fills in the app's forms the way a browser does: reads the form's fields (the antiforgery token
/// included) from the page, changes some, and posts them to the form's action.
/// </summary>
public static partial class ItemForms
{
    /// <summary>The fields of the form on <paramref name="pageUrl"/> that posts to <paramref name="action"/>, as the page fills them in.</summary>
    public static async Task<(string Action, List<KeyValuePair<string, string>> Fields)> ReadFormAsync(this HttpClient browser, string pageUrl, string action)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var response = await browser.GetAsync(new Uri(pageUrl, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)response.StatusCode}");
        return (action, Fields(html, action));
    }

    /// <summary>The fields of the form in <paramref name="html"/> whose action is <paramref name="action"/>.</summary>
    public static List<KeyValuePair<string, string>> Fields(string html, string action)
    {
        var start = html.IndexOf($"action=\"{WebUtility.HtmlEncode(action)}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no form posting to {action}");
        var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var form = html[start..end];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match tag in InputPattern().Matches(form))
        {
            var attributes = Attributes(tag.Value);
            if (attributes.TryGetValue("name", out var name) && attributes.GetValueOrDefault("type") is not ("submit" or "button"))
            {
                fields.Add(new(name, attributes.GetValueOrDefault("value") ?? ""));
            }
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            var name = Attributes(select.Groups["open"].Value)["name"];
            var selected = OptionPattern().Matches(select.Groups["body"].Value).Select(o => Attributes(o.Value))
                .FirstOrDefault(o => o.ContainsKey("selected"));
            fields.Add(new(name, selected?.GetValueOrDefault("value") ?? ""));
        }

        foreach (Match area in TextAreaPattern().Matches(form))
        {
            fields.Add(new(Attributes(area.Groups["open"].Value)["name"], WebUtility.HtmlDecode(area.Groups["body"].Value).TrimStart('\n')));
        }

        return fields;
    }

    /// <summary>Sets a field (adding it when the form has none of that name).</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var index = fields.FindIndex(f => f.Key == name);
        if (index < 0)
        {
            fields.Add(new(name, value));
        }
        else
        {
            fields[index] = new(name, value);
        }

        return fields;
    }

    public static string Value(this List<KeyValuePair<string, string>> fields, string name) =>
        fields.Single(f => f.Key == name).Value;

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient browser, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Reads the form on <paramref name="pageUrl"/>, lets <paramref name="change"/> fill it in, and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient browser, string pageUrl, string action, Action<List<KeyValuePair<string, string>>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (_, fields) = await browser.ReadFormAsync(pageUrl, action);
        change(fields);
        return await browser.PostAsync(action, fields);
    }

    public static async Task<string> ExportAsync(this WebApplicationFactory<Program> factory, int? phase = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(phase, ExportFormat.Markdown);
        Assert.True(result.Error is null, result.Error);
        return result.Text!;
    }

    public static async Task<T> ReadAsync<T>(this WebApplicationFactory<Program> factory, Func<PhaseTrackerDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>());
    }

    public static Task<DeferredItem?> ItemAsync(this WebApplicationFactory<Program> factory, int id) =>
        factory.ReadAsync(db => db.DeferredItems.IgnoreQueryFilters().AsNoTracking().Include(i => i.Phase).FirstOrDefaultAsync(i => i.Id == id));

    /// <summary>The item's history entries since the seed's import on first start (which created it): what the forms wrote.</summary>
    public static Task<List<HistoryEntry>> HistoryAsync(this WebApplicationFactory<Program> factory, int id) =>
        factory.ReadAsync(db => db.HistoryEntries.AsNoTracking()
            .Where(e => e.RecordType == HistoryRecordType.Item && e.RecordId == id && e.Actor != DatabaseStartup.FirstStartActor)
            .OrderBy(e => e.Id).ToListAsync());

    public static Task<long> DataVersionAsync(this WebApplicationFactory<Program> factory) =>
        factory.ReadAsync(db => db.CurrentAsync(CancellationToken.None));

    public static async Task<string> BodyAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> Attributes(string tag) =>
        AttributePattern().Matches(tag)
            .GroupBy(m => m.Groups["name"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Success ? g.First().Groups["value"].Value : ""), StringComparer.Ordinal);

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("(?<open><select\\b[^>]*>)(?<body>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option\\b[^>]*>")]
    private static partial Regex OptionPattern();

    [GeneratedRegex("(?<open><textarea\\b[^>]*>)(?<body>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"(?<value>[^\"]*)\")?")]
    private static partial Regex AttributePattern();
}
