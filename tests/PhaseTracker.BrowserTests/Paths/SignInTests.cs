using System.Text.RegularExpressions;

using Microsoft.Playwright;

using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;
using PhaseTracker.Web.Infrastructure.Security;

using static Microsoft.Playwright.Assertions;

namespace PhaseTracker.BrowserTests.Paths;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_lead_signs_in_sees_their_email_in_the_header_and_signs_out_again()
    {
        await using var session = await browser.NewSessionAsync(output);
        var user = await browser.App.CreateUserAsync(Roles.Lead);

        var dashboard = await DashboardPage.OpenAsync(session.Page);
        await dashboard.SignInLink.ClickAsync();
        var login = new LoginPage(session.Page);
        await Expect(login.Email).ToBeFocusedAsync();
        await login.SignInAsync(user.Email, user.Password);

        await Expect(session.Page).ToHaveURLAsync(new Regex("/$"));
        await Expect(login.SignedInAs).ToHaveTextAsync(user.Email);
        await Expect(login.SignInLink).ToHaveCountAsync(0);

        // The cookie holds across pages, and the account page knows the user.
        await login.FollowNavigationAsync("Items");
        await Expect(login.SignedInAs).ToHaveTextAsync(user.Email);

        var signedOut = await login.SignOutAsync();
        await Expect(signedOut.SignedInAs).ToHaveCountAsync(0);
        var account = await session.Page.GotoAsync("/account");
        Assert.NotNull(account);
        await Expect(session.Page).ToHaveURLAsync(new Regex($"{Regex.Escape(LoginPage.Path)}\\?ReturnUrl=%2Faccount", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_stays_on_the_sign_in_page()
    {
        await using var session = await browser.NewSessionAsync(output);
        var user = await browser.App.CreateUserAsync(Roles.Viewer);

        var login = await LoginPage.OpenAsync(session.Page);
        await login.SignInAsync(user.Email, "not-" + user.Password);

        await Expect(login.Error).ToHaveTextAsync("The email or the password is wrong.");
        await Expect(session.Page).ToHaveURLAsync(new Regex($"{Regex.Escape(LoginPage.Path)}$"));
        await Expect(login.MainHeading).ToHaveTextAsync("Sign in");
        // The email stays for a second try; the password never comes back from the server.
        await Expect(login.Email).ToHaveValueAsync(user.Email);
        await Expect(login.Password).ToHaveValueAsync("");
        await Expect(login.SignedInAs).ToHaveCountAsync(0);

        // The second try, with the right password, signs in.
        await login.SignInAsync(user.Email, user.Password);
        await Expect(login.SignedInAs).ToHaveTextAsync(user.Email);
    }
}
