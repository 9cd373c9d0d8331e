using System.Net;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Features.Users;

namespace PhaseTracker.IntegrationTests.Import;

/// <summary>What the import tests share: the seed with edits, edits made in the database, the /import forms.</summary>
internal static partial class ImportPages
{
    public const string Item3Owner = "**Owner:** Backend Team";

    public static string SeedWith(params (string From, string To)[] edits)
    {
        var text = Seed.RepairedText;
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The seed without item 1's section.</summary>
    public static string SeedWithoutItem1()
    {
        var text = Seed.RepairedText;
        var start = text.IndexOf("### 1. ", StringComparison.Ordinal);
        var end = text.IndexOf("### 2. ", StringComparison.Ordinal);
        return text.Remove(start, end - start);
    }

    /// <summary>An edit as a form makes it: the value, and the row version it increments.</summary>
    public static async Task SetItemOwnerAsync(this PhaseTrackerFactory factory, int number, string owner)
    {
        await using var db = CommandLineRun.OpenDatabase(factory.DatabasePath);
        await db.DeferredItems.Where(i => i.Number == number)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Owner, owner).SetProperty(i => i.RowVersion, i => i.RowVersion + 1));
    }

    public static async Task<string?> ItemOwnerAsync(this PhaseTrackerFactory factory, int number)
    {
        await using var db = CommandLineRun.OpenDatabase(factory.DatabasePath);
        return await db.DeferredItems.Where(i => i.Number == number).Select(i => i.Owner).SingleAsync();
    }

    public static async Task<bool> ItemIsDeletedAsync(this PhaseTrackerFactory factory, int number)
    {
        await using var db = CommandLineRun.OpenDatabase(factory.DatabasePath);
        return await db.DeferredItems.IgnoreQueryFilters().Where(i => i.Number == number).Select(i => i.DeletedAtUtc != null).SingleAsync();
    }

    /// <summary>What a change leaves behind: the history's size and the data version.</summary>
    public static async Task<(int History, long Version)> TraceAsync(this PhaseTrackerFactory factory)
    {
        await using var db = CommandLineRun.OpenDatabase(factory.DatabasePath);
        var history = await db.HistoryEntries.CountAsync();
        var version = await db.CurrentAsync(CancellationToken.None);
        return (history, version);
    }

    public static async Task<string> TokenForAsync(this PhaseTrackerFactory factory, string role)
    {
        var user = await factory.CreateUserAsync(role);
        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByEmailAsync(user.Email);
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .IssueAsync(account!, "test", false, ApiTokenService.DefaultLifetimeDays, CancellationToken.None);
        return issued.Secret;
    }

    /// <summary>Posts the /import form as a browser does (multipart, with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> PostPreviewAsync(this HttpClient browser, string? text, bool removeMissing = false, string? fileName = null, byte[]? file = null)
    {
        var token = await browser.GetAntiforgeryTokenAsync("/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(text ?? ""), "text" },
        };
        if (removeMissing)
        {
            form.Add(new StringContent("true"), "removeMissing");
        }

        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "file", fileName ?? "document.md");
        }

        return await browser.PostAsync(new Uri("/import/preview", UriKind.Relative), form);
    }

    /// <summary>Submits the preview page's apply form with its own fields (and the token it carries), plus conflict choices.</summary>
    public static async Task<HttpResponseMessage> ApplyAsync(this HttpClient browser, string previewHtml, IDictionary<string, string>? choices = null)
    {
        var form = ApplyForm().Match(previewHtml);
        Assert.True(form.Success, "The preview has no apply form.");
        using var content = new MultipartFormDataContent();
        foreach (Match input in Input().Matches(form.Value))
        {
            if (input.Value.Contains("type=\"hidden\"", StringComparison.Ordinal))
            {
                var name = Attribute("name", input.Value);
                content.Add(new StringContent(WebUtility.HtmlDecode(Attribute("value", input.Value))), WebUtility.HtmlDecode(name));
            }
        }

        foreach (var (name, value) in choices ?? new Dictionary<string, string>())
        {
            content.Add(new StringContent(value), "choice:" + name);
        }

        return await browser.PostAsync(new Uri("/import/apply", UriKind.Relative), content);
    }

    [GeneratedRegex("<form method=\"post\" action=\"/import/apply\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex ApplyForm();

    private static string Attribute(string name, string tag) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("<input[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Input();
}
