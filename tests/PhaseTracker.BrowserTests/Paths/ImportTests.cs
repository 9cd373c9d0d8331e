using System.Globalization;

using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;
using PhaseTracker.Web.Infrastructure.Security;

using static Microsoft.Playwright.Assertions;

namespace PhaseTracker.BrowserTests.Paths;

/// <summary>A lead imports an edited document through the preview and applies it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_lead_pastes_an_edited_document_sees_the_change_in_the_preview_and_applies_it()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);

        // An item of this test's own, so that the edit below touches no other test's data.
        var title = TestItems.UniqueTitle("Browser import");
        var item = await TestItems.CreateAsync(session, title);
        var itemId = item.Id;
        // Downloaded as a lead downloads it: the export that leaves the app is the base the import merges against.
        var download = await session.Page.APIRequest.GetAsync($"/api/export?phase={TestItems.Phase}");
        Assert.True(download.Ok, $"GET /api/export answered {download.Status}");
        var document = await download.TextAsync();
        var heading = document.IndexOf($". {title}\n", StringComparison.Ordinal);
        var owner = document.IndexOf("**Owner:** Nobody yet", heading, StringComparison.Ordinal);
        var edited = document[..owner] + "**Owner:** Import Team" + document[(owner + "**Owner:** Nobody yet".Length)..];
        var lineStart = document.LastIndexOf('\n', heading) + 1;
        var number = int.Parse(document[(lineStart + 4)..heading], CultureInfo.InvariantCulture);

        var import = await ImportPage.OpenAsync(session.Page);
        var preview = await import.PreviewAsync(edited);

        var change = preview.Change($"Item {number}: {title}");
        await Expect(change).ToHaveAttributeAsync("data-action", "changed");
        await Expect(change).ToContainTextAsync("Nobody yet");
        await Expect(change).ToContainTextAsync("Import Team");
        await Expect(preview.Counts).ToContainTextAsync("Items: 0 added, 1 updated");
        await Expect(preview.Diff).ToContainTextAsync("+**Owner:** Import Team");

        // A preview changes nothing, and the edit conflicts with nothing the app changed since the download.
        Assert.Equal(document, await TestItems.ExportAsync(browser.App));
        await Expect(session.Page.Locator("#import-conflicts")).ToHaveCountAsync(0);

        var dashboard = await preview.ApplyAsync();
        await Expect(dashboard.Page.Locator("#import-outcome")).ToContainTextAsync("Items: 0 added, 1 updated");

        item = await ItemPage.OpenAsync(session.Page, itemId);
        await Expect(item.Field("Owner")).ToHaveTextAsync("Import Team");
    }
}
