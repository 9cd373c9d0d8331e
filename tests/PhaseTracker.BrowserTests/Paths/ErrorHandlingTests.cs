using System.Text.RegularExpressions;

using Microsoft.Playwright;

using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;
using PhaseTracker.Web.Infrastructure.Security;

using static Microsoft.Playwright.Assertions;

namespace PhaseTracker.BrowserTests.Paths;

/// <summary>
/// The pages are plain links and forms (no script fetches anything), so a failure is a navigation that
/// fails: the browser shows either the app's own error page or, when nothing answers, its own error page.
/// Either way the user sees at once that it failed; nothing waits for an answer that will not come.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorHandlingTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task When_the_database_goes_away_mid_session_the_next_page_says_so_with_a_request_id_and_the_app_recovers()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        var items = await ItemsPage.OpenAsync(session.Page);
        await Expect(items.TitleLinks.First).ToBeVisibleAsync();

        using (browser.App.TakeDatabaseAway())
        {
            var answer = await session.Page.RunAndWaitForResponseAsync(() => items.FilterAsync(priority: "P1"), response => response.Url.Contains("/items?", StringComparison.Ordinal));
            Assert.Equal(503, answer.Status);

            var error = new ErrorPage(session.Page);
            await Expect(error.MainHeading).ToHaveTextAsync("PhaseTracker cannot reach its database right now.");
            await Expect(error.Message).ToContainTextAsync("Try again in a minute");
            await Expect(error.RequestId).Not.ToBeEmptyAsync();
            output.WriteLine($"Request id shown: {await error.RequestId.InnerTextAsync()}");
            // Still a page of the app, and still signed in: the header works.
            await Expect(error.Navigation).ToBeVisibleAsync();
            await Expect(error.SignedInAs).ToBeVisibleAsync();
        }

        // The database is back: the same session carries on from the error page's link.
        await new ErrorPage(session.Page).BackToDashboard.ClickAsync();
        await Expect(new DashboardPage(session.Page).MainHeading).ToContainTextAsync("Phase 2");
    }

    [Fact]
    public async Task When_the_server_goes_away_mid_session_a_link_and_a_form_end_on_the_browsers_error_page_instead_of_hanging()
    {
        await using var session = await browser.NewSessionAsync(output);
        var user = await browser.App.CreateUserAsync(Roles.Viewer);
        var items = await ItemsPage.OpenAsync(session.Page);
        await Expect(items.TitleLinks.First).ToBeVisibleAsync();

        // The server goes away: every request from now on is refused, as by a stopped process.
        await session.Context.RouteAsync("**/*", route => route.AbortAsync("connectionrefused"));

        // A link.
        await items.Navigation.GetByRole(AriaRole.Link, new() { Name = "Matrix", Exact = true }).ClickAsync();
        await ExpectBrowserErrorPageAsync(session.Page);

        // A form (the sign-in form, posted to the server that is gone).
        await session.Context.UnrouteAllAsync();
        var login = await LoginPage.OpenAsync(session.Page);
        await session.Context.RouteAsync("**/*", route => route.AbortAsync("connectionrefused"));
        await login.Email.FillAsync(user.Email);
        await login.Password.FillAsync(user.Password);
        await login.SubmitButton.ClickAsync();
        await ExpectBrowserErrorPageAsync(session.Page);

        // The server is back: the user reloads and carries on.
        await session.Context.UnrouteAllAsync();
        await LoginPage.OpenAsync(session.Page);
        await login.SignInAsync(user.Email, user.Password);
        await Expect(login.SignedInAs).ToHaveTextAsync(user.Email);
    }

    private async Task ExpectBrowserErrorPageAsync(IPage page)
    {
        // Chromium's own "This site can't be reached" page, named by the network error.
        await Expect(page).ToHaveURLAsync(new Regex("^chrome-error://"));
        await Expect(page.Locator("body")).ToContainTextAsync("ERR_CONNECTION_REFUSED");
        output.WriteLine($"The browser says: {(await page.Locator("body").InnerTextAsync()).ReplaceLineEndings(" ")}");
    }
}
