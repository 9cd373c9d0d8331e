using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;
using PhaseTracker.Web.Infrastructure.Security;

using static Microsoft.Playwright.Assertions;

namespace PhaseTracker.BrowserTests.Paths;

[Collection(BrowserCollection.Name)]
public sealed class SettingsTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_lead_changes_the_hours_per_day_and_the_name_and_sees_them_in_the_navbar_and_the_dashboard()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        var dashboard = await DashboardPage.OpenAsync(session.Page);
        var daysBefore = await dashboard.TotalDeveloperDays.InnerTextAsync();

        var settings = await SettingsPage.OpenAsync(session.Page);
        var oldName = await settings.WorkspaceName.InputValueAsync();
        var oldHours = await settings.HoursPerDay.InputValueAsync();
        var newHours = oldHours == "4" ? "5" : "4";
        try
        {
            await settings.WorkspaceName.FillAsync("Browser Test Team");
            await settings.HoursPerDay.FillAsync(newHours);
            await settings.SaveAsync();
            await Expect(settings.Message).ToHaveTextAsync("Saved.");
            await Expect(settings.Brand).ToHaveTextAsync("Browser Test Team");

            settings = await SettingsPage.OpenAsync(session.Page);
            await Expect(settings.WorkspaceName).ToHaveValueAsync("Browser Test Team");
            await Expect(settings.HoursPerDay).ToHaveValueAsync(newHours);

            dashboard = await DashboardPage.OpenAsync(session.Page);
            await Expect(dashboard.Brand).ToHaveTextAsync("Browser Test Team");
            await Expect(dashboard.TotalDeveloperDays).ToContainTextAsync($"at {newHours} h a day");
            await Expect(dashboard.TotalDeveloperDays).Not.ToHaveTextAsync(daysBefore);
        }
        finally
        {
            // The app is shared by the collection: the next test sees the settings as they were.
            settings = await SettingsPage.OpenAsync(session.Page);
            await settings.WorkspaceName.FillAsync(oldName);
            await settings.HoursPerDay.FillAsync(oldHours);
            await settings.SaveAsync();
        }

        await Expect(settings.Brand).ToHaveTextAsync(oldName);
    }
}
