using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;
using PhaseTracker.Web.Infrastructure.Security;

using static Microsoft.Playwright.Assertions;

namespace PhaseTracker.BrowserTests.Paths;

[Collection(BrowserCollection.Name)]
public sealed class RoadmapAndDecisionTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_lead_adds_a_week_with_a_day_block_and_sees_it_on_the_roadmap_and_its_timeline()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        var theme = TestItems.UniqueTitle("Browser week");
        var blockTitle = TestItems.UniqueTitle("Browser block");

        var form = await WeekFormPage.OpenNewAsync(session.Page, TestItems.Phase);
        await form.Theme.FillAsync(theme);
        var block = await form.AddBlockAsync();
        await Expect(form.Theme).ToHaveValueAsync(theme);
        await block.GetByLabel("Start day", new() { Exact = true }).FillAsync("1");
        await block.GetByLabel("End day", new() { Exact = true }).FillAsync("2");
        await block.GetByLabel("Title", new() { Exact = true }).FillAsync(blockTitle);
        var roadmap = await form.SaveAsync();

        await Expect(roadmap.Page.Locator("main")).ToContainTextAsync(theme);
        await Expect(roadmap.Page.Locator("main")).ToContainTextAsync(blockTitle);
        await Expect(roadmap.Chart).ToBeVisibleAsync();
        await Expect(roadmap.MarkTitles.Filter(new() { HasText = blockTitle })).ToHaveCountAsync(1);
        await session.ScreenshotAsync(roadmap.Chart, "roadmap-with-new-block");
    }

    [Fact]
    public async Task A_lead_creates_a_decision_record_and_accepts_it()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        var title = TestItems.UniqueTitle("Browser decision");

        var form = await AdrFormPage.OpenNewAsync(session.Page);
        await form.TitleField.FillAsync(title);
        await form.Date.FillAsync("2025-11-12");
        var record = await form.CreateAsync();
        await Expect(record.MainHeading).ToContainTextAsync(title);
        await Expect(record.Status).ToHaveTextAsync("Proposed");

        await record.MoveAsync("Accept");
        await Expect(record.Status).ToHaveTextAsync("Accepted ✅");
        await Expect(record.Confirmation).ToBeVisibleAsync();
    }
}
