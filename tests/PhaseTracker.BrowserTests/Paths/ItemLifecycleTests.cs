using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;
using PhaseTracker.Web.Infrastructure.Security;

using static Microsoft.Playwright.Assertions;

namespace PhaseTracker.BrowserTests.Paths;

/// <summary>A lead defers, completes, deletes and restores items.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ItemLifecycleTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_deferred_item_shows_in_the_next_phase_with_its_history_and_a_completed_item_shows_complete()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);

        var deferredTitle = TestItems.UniqueTitle("Browser defer");
        var item = await TestItems.CreateAsync(session, deferredTitle);
        var deferredId = item.Id;
        var defer = await item.DeferAsync();
        item = await defer.DeferAsync("Blocked by the new build machines");
        await Expect(item.Message).ToHaveTextAsync("Item deferred to the next phase.");
        await Expect(item.DeferralHistory).ToContainTextAsync("Phase 2 → Phase 3");
        await Expect(item.DeferralHistory).ToContainTextAsync("Blocked by the new build machines");

        // The next phase lists it; its page (opened from there) still has the history.
        var phase3 = await ItemsPage.OpenAsync(session.Page, "?phase=3");
        await Expect(phase3.TitleLinks.Filter(new() { HasText = deferredTitle })).ToHaveCountAsync(1);
        item = await ItemPage.OpenAsync(session.Page, deferredId);
        await Expect(item.DeferralHistory).ToContainTextAsync("Blocked by the new build machines");
        var phase2 = await ItemsPage.OpenAsync(session.Page, "?phase=2");
        await Expect(phase2.TitleLinks.Filter(new() { HasText = deferredTitle })).ToHaveCountAsync(0);

        // Another item, completed with the offered date (today) and a pull request.
        var completedTitle = TestItems.UniqueTitle("Browser complete");
        item = await TestItems.CreateAsync(session, completedTitle);
        var complete = await item.CompleteAsync();
        var today = await complete.CompletedOn.InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(today), "The completion form offers today's date.");
        item = await complete.CompleteAsync(today, "https://github.com/acme/app/pull/42");
        await Expect(item.Message).ToHaveTextAsync("Item marked complete.");
        await Expect(item.Status).ToContainTextAsync("✅");
        await Expect(item.Status).ToContainTextAsync("Complete");
        await Expect(item.Field("Completed")).ToHaveTextAsync(today);

        var list = await ItemsPage.OpenAsync(session.Page, "?phase=2");
        var row = list.Table.Locator("tbody tr").Filter(new() { HasText = completedTitle });
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("✅ Complete");
    }

    [Fact]
    public async Task A_deleted_item_comes_back_with_undo_and_with_the_restore_button_of_the_history()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        var title = TestItems.UniqueTitle("Browser delete");
        var item = await TestItems.CreateAsync(session, title);
        var id = item.Id;

        // Delete, then Undo from the notice.
        var list = await (await item.DeleteAsync()).DeleteAsync();
        await Expect(list.DeletedNotice).ToContainTextAsync("Item deleted.");
        await Expect(list.TitleLinks.Filter(new() { HasText = title })).ToHaveCountAsync(0);
        item = await list.UndoDeleteAsync();
        await Expect(item.Message).ToHaveTextAsync("Item restored.");
        await Expect(item.Title).ToContainTextAsync(title);

        // Delete again, then restore from /history.
        list = await (await item.DeleteAsync()).DeleteAsync();
        await Expect(list.DeletedNotice).ToBeVisibleAsync();
        var gone = await session.Page.GotoAsync($"/items/{id}");
        Assert.Equal(404, gone!.Status);
        var history = await HistoryPage.OpenAsync(session.Page);
        item = await history.RestoreAsync(id);
        await Expect(item.Title).ToContainTextAsync(title);
        list = await ItemsPage.OpenAsync(session.Page, "?phase=2");
        await Expect(list.TitleLinks.Filter(new() { HasText = title })).ToHaveCountAsync(1);
    }
}
