using System.Net;

using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Infrastructure.Security;

using static Microsoft.Playwright.Assertions;

namespace PhaseTracker.BrowserTests.Paths;

/// <summary>A lead edits an item through its form: list buttons, a refused value, a stale save.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditingTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_lead_edits_an_item_and_sees_the_new_values_after_a_reload_and_in_the_export()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        var title = TestItems.UniqueTitle("Browser edit");
        var item = await TestItems.CreateAsync(session, title, "Write the page objects", "Run the accessibility scan");
        var id = item.Id;
        var before = await TestItems.ExportAsync(session.App);

        var form = await item.EditAsync();
        await form.AddListEntryAsync("Why deferred");
        await form.ListEntry("Why deferred", 0).FillAsync("Waiting for the edit forms to land");
        await form.MovePlanStepUpAsync(1);
        await Expect(form.PlanStep(0)).ToHaveValueAsync("Run the accessibility scan");
        await Expect(form.PlanStep(1)).ToHaveValueAsync("Write the page objects");
        await Expect(form.ListEntry("Why deferred", 0)).ToHaveValueAsync("Waiting for the edit forms to land");
        await form.Owner.FillAsync("Browser Lead");
        await form.Effort.FillAsync("6.5");
        item = await form.SaveAsync();

        await Expect(item.Message).ToHaveTextAsync("Changes saved.");
        await ExpectEditedAsync(item);
        await session.ScreenshotAsync(session.Page.Locator("main"), "item-after-edit");

        // A reload (the plain address, without the confirmation) still shows them: they are in the database.
        item = await ItemPage.OpenAsync(session.Page, id);
        await Expect(item.Message).ToHaveCountAsync(0);
        await ExpectEditedAsync(item);

        // The exported document carries the changed lines, and only lines of this item changed.
        var after = await TestItems.ExportAsync(session.App);
        var changes = LineDiff.Changes(before, after);
        output.WriteLine("Export diff:\n" + string.Join("\n", changes));
        var added = changes.Where(l => l.StartsWith('+')).ToList();
        Assert.Contains(added, l => l.Contains("Browser Lead", StringComparison.Ordinal));
        Assert.Contains(added, l => l.Contains("6.5", StringComparison.Ordinal));
        Assert.Contains(added, l => l.Contains("Waiting for the edit forms to land", StringComparison.Ordinal));
        Assert.DoesNotContain(changes, l => l.StartsWith('-') && l.Contains("Browser Lead", StringComparison.Ordinal));
        var section = after[after.IndexOf(title, StringComparison.Ordinal)..];
        Assert.True(
            section.IndexOf("Run the accessibility scan", StringComparison.Ordinal) < section.IndexOf("Write the page objects", StringComparison.Ordinal),
            "The exported plan keeps the new order of the steps.");
    }

    [Fact]
    public async Task An_effort_of_2_point_3_hours_shows_its_message_next_to_the_field_and_saves_nothing()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        var item = await TestItems.CreateAsync(session, TestItems.UniqueTitle("Browser validation"));
        var id = item.Id;

        var form = await item.EditAsync();
        await form.Effort.FillAsync("2.3");
        await form.Owner.FillAsync("Someone who is not saved");
        var response = await form.SaveRefusedAsync();
        Assert.Equal((int)HttpStatusCode.OK, response.Status);

        // The message stands next to the field, visible once the field is in view, and the form keeps the value.
        await Expect(form.EffortError).ToHaveTextAsync("Enter the effort as a number of hours from 0 to 1000, in whole or half hours (such as 2.5).");
        await form.Effort.ScrollIntoViewIfNeededAsync();
        await Expect(form.EffortError).ToBeInViewportAsync();
        await Expect(form.Effort).ToHaveValueAsync("2.3");
        await form.Effort.FocusAsync();
        await Expect(form.Effort).ToBeFocusedAsync();
        await session.ScreenshotAsync(form.Effort.Locator("xpath=.."), "item-effort-error");

        item = await ItemPage.OpenAsync(session.Page, id);
        await Expect(item.Field("Owner")).ToHaveTextAsync("Nobody yet");
        await Expect(item.Field("Estimated effort")).ToContainTextAsync("2");
        await Expect(item.Field("Estimated effort")).Not.ToContainTextAsync("2.3");
    }

    [Fact]
    public async Task When_two_leads_edit_the_same_item_the_second_save_shows_the_conflict_and_can_keep_its_values()
    {
        await using var first = await browser.NewSessionAsync(output);
        await using var second = await browser.NewSessionAsync(output);
        await first.SignInAsNewUserAsync(Roles.Lead);
        await second.SignInAsNewUserAsync(Roles.Lead);
        var item = await TestItems.CreateAsync(first, TestItems.UniqueTitle("Browser conflict"));
        var id = item.Id;

        var firstForm = await ItemFormPage.OpenEditAsync(first.Page, id);
        var secondForm = await ItemFormPage.OpenEditAsync(second.Page, id);
        await firstForm.Owner.FillAsync("Alice First");
        var saved = await firstForm.SaveAsync();
        await Expect(saved.Message).ToHaveTextAsync("Changes saved.");

        await secondForm.Owner.FillAsync("Bob Second");
        var response = await secondForm.SaveRefusedAsync();
        Assert.Equal((int)HttpStatusCode.Conflict, response.Status);
        var conflict = new ConflictPage(second.Page);
        await Expect(conflict.MainHeading).ToContainTextAsync("Someone else saved");
        await Expect(conflict.Fields).ToContainTextAsync("Alice First");
        await Expect(conflict.Fields).ToContainTextAsync("Bob Second");
        await second.ScreenshotAsync(second.Page.Locator("main"), "item-conflict");

        var mine = await conflict.SaveMineAsync();
        await Expect(mine.Message).ToHaveTextAsync("Changes saved.");
        await Expect(mine.Field("Owner")).ToHaveTextAsync("Bob Second");
    }

    private static async Task ExpectEditedAsync(ItemPage item)
    {
        await Expect(item.Field("Owner")).ToHaveTextAsync("Browser Lead");
        await Expect(item.Field("Estimated effort")).ToContainTextAsync("6.5");
        await Expect(item.ListEntries("Why deferred")).ToHaveTextAsync(["Waiting for the edit forms to land"]);
        await Expect(item.ListEntries("Plan")).ToHaveTextAsync(["Run the accessibility scan", "Write the page objects"]);
    }
}
