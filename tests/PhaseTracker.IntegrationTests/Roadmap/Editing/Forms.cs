using System.Net;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure;

namespace PhaseTracker.IntegrationTests.Roadmap.Editing;

/// <summary>
/// A form as a browser sees it: the fields of the page's edit form with their values (unchecked boxes and
/// unselected options left out, a repeated name kept once per value), to change and post back with the
/// page's own antiforgery token, as a lead's browser would.
/// </summary>
public sealed partial class Form
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private Form(string action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        _fields = fields;
    }

    public string Action { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public string? this[string name] => _fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>Reads the page's form whose action starts with <paramref name="actionStart"/>.</summary>
    public static async Task<Form> ReadAsync(HttpClient browser, string url, string actionStart)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return Parse(html, actionStart);
    }

    public static Form Parse(string html, string actionStart)
    {
        ArgumentNullException.ThrowIfNull(html);
        var match = FormPattern().Matches(html).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["action"].Value).StartsWith(actionStart, StringComparison.Ordinal));
        Assert.True(match is not null, $"the page has no form posting to {actionStart}");
        var body = match.Groups["body"].Value;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match tag in FieldPattern().Matches(body))
        {
            var attributes = Attributes(tag.Groups["attributes"].Value);
            if (!attributes.TryGetValue("name", out var name))
            {
                continue;
            }

            if (tag.Groups["tag"].Value == "select")
            {
                foreach (Match option in OptionPattern().Matches(tag.Groups["options"].Value))
                {
                    var optionAttributes = Attributes(option.Groups["attributes"].Value);
                    if (optionAttributes.ContainsKey("selected"))
                    {
                        fields.Add(new(name, optionAttributes.GetValueOrDefault("value") ?? ""));
                    }
                }

                continue;
            }

            var type = attributes.GetValueOrDefault("type") ?? "text";
            if (type is "submit" or "button" || (type is "checkbox" or "radio" && !attributes.ContainsKey("checked")))
            {
                continue;
            }

            fields.Add(new(name, attributes.GetValueOrDefault("value") ?? ""));
        }

        return new Form(WebUtility.HtmlDecode(match.Groups["action"].Value), fields);
    }

    /// <summary>Sets a field (every value of a repeated name is replaced by these).</summary>
    public Form Set(string name, params string[] values)
    {
        var at = _fields.FindIndex(f => f.Key == name);
        _fields.RemoveAll(f => f.Key == name);
        at = at < 0 ? _fields.Count : Math.Min(at, _fields.Count);
        _fields.InsertRange(at, values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    /// <summary>Posts the form with the page's token; <paramref name="button"/> adds a submit button's name and value.</summary>
    public async Task<HttpResponseMessage> PostAsync(HttpClient browser, string tokenFrom, KeyValuePair<string, string>? button = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var token = await PhaseTracker.IntegrationTests.Infrastructure.Accounts.GetAntiforgeryTokenAsync(browser, tokenFrom);
        var fields = _fields.Where(f => f.Key != "__RequestVerificationToken").ToList();
        fields.Add(new("__RequestVerificationToken", token));
        if (button is { } pressed)
        {
            fields.Add(pressed);
        }

        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(Action, UriKind.Relative), content);
    }

    /// <summary>Posts with a list button pressed and reads the form the page gives back (nothing saved).</summary>
    public async Task<Form> PressAsync(HttpClient browser, string tokenFrom, string listAction)
    {
        using var response = await PostAsync(browser, tokenFrom, new("listAction", listAction));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(html, Action.Split('?')[0]);
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in AttributePattern().Matches(text))
        {
            attributes[attribute.Groups["name"].Value] = WebUtility.HtmlDecode(attribute.Groups["value"].Success ? attribute.Groups["value"].Value : "");
        }

        return attributes;
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"(?<action>[^\"]*)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<(?<tag>input)(?<attributes>[^>]*)>|<(?<tag>select)(?<attributes>[^>]*)>(?<options>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();

    [GeneratedRegex("<option(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"(?<value>[^\"]*)\")?")]
    private static partial Regex AttributePattern();
}

/// <summary>What the edit tests look at besides pages: the export and the history.</summary>
public static class EditingChecks
{
    public static async Task<string> ExportAsync(this WebApplicationFactory<Program> factory, int phase = 2)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(phase, ExportFormat.Markdown);
        Assert.True(result.Error is null, result.Error);
        return result.Text!;
    }

    public static async Task<List<HistoryEntry>> HistoryAsync(this WebApplicationFactory<Program> factory, HistoryRecordType type, int id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        // Without the seed's import on first start, which created the record: what the forms wrote.
        return await db.HistoryEntries.AsNoTracking()
            .Where(h => h.RecordType == type && h.RecordId == id && h.Actor != DatabaseStartup.FirstStartActor)
            .OrderBy(h => h.Id).ToListAsync();
    }

    public static async Task<T> QueryAsync<T>(this WebApplicationFactory<Program> factory, Func<PhaseTrackerDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>());
    }
}
