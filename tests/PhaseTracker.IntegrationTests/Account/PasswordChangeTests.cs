using System.Net;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Account;

public sealed class PasswordChangeTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private const string NewPassword = "tangerine-harbour-cello-7";

    [Fact]
    public async Task After_a_password_change_the_new_password_signs_in_and_the_old_one_does_not()
    {
        var (browser, user) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (browser)
        {
            using var change = await ChangeAsync(browser, user.Password, NewPassword);

            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
            Assert.Equal("/account?status=password-changed", change.RedirectPath());
            var page = await browser.GetStringAsync(new Uri("/account?status=password-changed", UriKind.Relative));
            Assert.Contains("Your password is changed", page, StringComparison.Ordinal);
        }

        using var withOld = factory.CreateBrowser();
        using var refused = await withOld.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        using var withNew = factory.CreateBrowser();
        using var accepted = await withNew.SignInAsync(user.Email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task A_password_change_ends_the_users_other_sessions_and_keeps_this_one()
    {
        var (browser, user) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using var elsewhere = factory.CreateBrowser();
        using (browser)
        using (var signIn = await elsewhere.SignInAsync(user.Email, user.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

            using var change = await ChangeAsync(browser, user.Password, NewPassword);

            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
            using var here = await browser.GetAsync(new Uri("/account", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, here.StatusCode);
            using var there = await elsewhere.GetAsync(new Uri("/account", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, there.StatusCode);
        }
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        var (browser, user) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (browser)
        {
            using var change = await ChangeAsync(browser, "this-is-not-my-password", NewPassword);

            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
            Assert.Contains("The current password is wrong.", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var again = factory.CreateBrowser();
        using var signIn = await again.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory]
    [InlineData("short-pass1", "at least 12 characters")]
    [InlineData("password1234", "among the first ones attackers try")]
    [InlineData("123456789012", "among the first ones attackers try")]
    [InlineData("zzzzzzzzzzzzzzzz", "among the first ones attackers try")]
    public async Task A_short_or_common_new_password_is_refused(string password, string reason)
    {
        var (browser, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (browser)
        {
            using var change = await ChangeAsync(browser, Accounts.Password, password);

            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
            Assert.Contains(reason, await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Twelve_lowercase_letters_are_enough_without_digits_or_symbols()
    {
        var (browser, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (browser)
        {
            using var change = await ChangeAsync(browser, Accounts.Password, "meadowquartz");

            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        }
    }

    [Fact]
    public async Task The_change_password_page_needs_an_account()
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.GetAsync(new Uri("/account/password", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Faccount%2Fpassword", response.RedirectPath());
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string current, string replacement) =>
        browser.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = replacement,
            ["ConfirmPassword"] = replacement,
        });
}
