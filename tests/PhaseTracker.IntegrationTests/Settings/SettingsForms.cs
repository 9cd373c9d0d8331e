using System.Net;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Settings;

namespace PhaseTracker.IntegrationTests.Settings;

/// <summary>The settings form as a browser fills it in, and what the tests read back from the database.</summary>
public static partial class SettingsForms
{
    /// <summary>The form's fields as the page at <c>/settings</c> shows them now (the browser must be allowed to open it).</summary>
    public static async Task<Dictionary<string, string>> ReadFormAsync(this HttpClient browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var response = await browser.GetAsync(new Uri("/settings", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RowVersion"] = Attribute(html, "RowVersion"),
            ["Name"] = Attribute(html, "Name"),
            ["HoursPerDay"] = Attribute(html, "HoursPerDay"),
            ["TimeZone"] = Attribute(html, "TimeZone"),
            ["CurrentPhase"] = SelectedPhase().Match(html) is { Success: true } selected ? selected.Groups[1].Value : "",
        };
        if (CheckedAnonymousRead().Match(html) is { Success: true } anonymous)
        {
            fields["AnonymousRead"] = anonymous.Groups[1].Value;
        }

        return fields;
    }

    /// <summary>Posts the settings form: the page's current fields with <paramref name="changes"/> over them.</summary>
    public static async Task<HttpResponseMessage> SaveSettingsAsync(this HttpClient browser, IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var fields = await browser.ReadFormAsync();
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return await browser.PostFormAsync("/settings", fields, "/settings");
    }

    public static async Task<string> ExportAsync(this WebApplicationFactory<Program> factory, int? phase = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(phase, ExportFormat.Markdown);
        Assert.True(result.Error is null, result.Error);
        return result.Text!;
    }

    public static async Task<WorkspaceSettings?> SavedSettingsAsync(this WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>().WorkspaceSettings.AsNoTracking().SingleOrDefaultAsync();
    }

    public static async Task<List<HistoryEntry>> SettingsHistoryAsync(this WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>().HistoryEntries.AsNoTracking()
            .Where(h => h.RecordType == HistoryRecordType.Settings).OrderBy(h => h.Id).ToListAsync();
    }

    public static async Task<long> DataVersionAsync(this WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>().CurrentAsync(CancellationToken.None);
    }

    /// <summary>The error shown next to a field, or null.</summary>
    public static string? FieldError(string html, string field)
    {
        var match = Regex.Match(html, $"data-error-for=\"{field}\">([^<]*)<");
        return match.Success && match.Groups[1].Value.Length > 0 ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static string Attribute(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{name}\"[^>]*value=\"([^\"]*)\"");
        Assert.True(match.Success, $"the settings form has no {name} field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<select id=\"CurrentPhase\"[\\s\\S]*?<option[^>]*value=\"(\\d*)\"[^>]*selected=\"selected\"")]
    private static partial Regex SelectedPhase();

    [GeneratedRegex("name=\"AnonymousRead\"[^>]*value=\"(on|off)\"[^>]*checked=\"checked\"")]
    private static partial Regex CheckedAnonymousRead();
}
