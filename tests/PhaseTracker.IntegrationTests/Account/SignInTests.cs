using System.Net;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Account;

public sealed class SignInTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task The_sign_in_page_has_a_form_with_an_antiforgery_token()
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"__RequestVerificationToken\"", page, StringComparison.Ordinal);
        Assert.Contains("Sign in", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_with_the_right_password_goes_to_the_return_url_and_the_navigation_shows_the_user()
    {
        var user = await factory.CreateUserAsync(Roles.Lead);
        using var browser = factory.CreateBrowser();

        using var response = await browser.SignInAsync(user.Email, user.Password, returnUrl: "/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.RedirectPath());
        var account = await browser.GetStringAsync(new Uri("/account", UriKind.Relative));
        Assert.Contains(user.Email, account, StringComparison.Ordinal);
        Assert.Contains("role <strong>Lead</strong>", account, StringComparison.Ordinal);
        Assert.Matches(new Regex("<form[^>]*action=\"/account/logout\"[^>]*>(?:(?!</form>).)*name=\"__RequestVerificationToken\"", RegexOptions.Singleline), account);
        Assert.DoesNotContain("href=\"/users\"", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_email_is_matched_whatever_its_case()
    {
        var user = await factory.CreateUserAsync(Roles.Viewer);
        using var browser = factory.CreateBrowser();

        using var response = await browser.SignInAsync(user.Email.ToUpperInvariant(), user.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectPath());
    }

    [Fact]
    public async Task An_admin_sees_the_users_link()
    {
        var (browser, _) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (browser)
        {
            var page = await browser.GetStringAsync(new Uri("/account", UriKind.Relative));

            Assert.Contains("href=\"/users\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_password_shows_one_sentence_and_signs_nobody_in()
    {
        var user = await factory.CreateUserAsync(Roles.Lead);
        using var browser = factory.CreateBrowser();

        using var response = await browser.SignInAsync(user.Email, "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The email or the password is wrong.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-at-all", page, StringComparison.Ordinal);
        Assert.DoesNotContain(response.SetCookies(), c => c.StartsWith(SecurityServices.CookieName + "=", StringComparison.Ordinal));
        using var account = await browser.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.SignInAsync("nobody@example.com", "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or the password is wrong.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Sign_in_never_sends_the_browser_to_another_site(string returnUrl)
    {
        var user = await factory.CreateUserAsync(Roles.Viewer);
        using var browser = factory.CreateBrowser();

        using var response = await browser.SignInAsync(user.Email, user.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectPath());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_even_against_the_right_password()
    {
        var user = await factory.CreateUserAsync(Roles.Lead);
        using var browser = factory.CreateBrowser();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await browser.SignInAsync(user.Email, $"wrong-password-number-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await browser.SignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("this account is locked for 15 minutes", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = await users.FindByEmailAsync(user.Email);
        var lockedFor = account!.LockoutEnd!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(lockedFor, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Signing_in_issues_a_new_session_cookie_each_time()
    {
        var user = await factory.CreateUserAsync(Roles.Viewer);
        using var browser = factory.CreateBrowser();

        using var first = await browser.SignInAsync(user.Email, user.Password);
        using var second = await browser.SignInAsync(user.Email, user.Password);

        var firstCookie = Assert.Single(first.SetCookies(), c => c.StartsWith(SecurityServices.CookieName + "=", StringComparison.Ordinal));
        var secondCookie = Assert.Single(second.SetCookies(), c => c.StartsWith(SecurityServices.CookieName + "=", StringComparison.Ordinal));
        Assert.NotEqual(firstCookie.Split(';')[0], secondCookie.Split(';')[0]);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_a_copy_of_its_cookie_stops_working()
    {
        var user = await factory.CreateUserAsync(Roles.Lead);
        using var browser = factory.CreateBrowser();
        using var signIn = await browser.SignInAsync(user.Email, user.Password);
        var cookie = Assert.Single(signIn.SetCookies(), c => c.StartsWith(SecurityServices.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        using var signOut = await browser.PostFormAsync("/account/logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/", signOut.RedirectPath());
        using var account = await browser.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Faccount", account.RedirectPath());

        // Someone who copied the cookie before sign-out cannot use it after.
        using var replay = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        using var replayed = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
    }

    [Fact]
    public async Task Sign_out_is_a_post_only()
    {
        var (browser, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (browser)
        {
            using var response = await browser.GetAsync(new Uri("/account/logout", UriKind.Relative));

            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            using var account = await browser.GetAsync(new Uri("/account", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        }
    }
}
