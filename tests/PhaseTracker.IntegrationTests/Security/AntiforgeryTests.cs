using System.Net;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Security;

public sealed class AntiforgeryTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task A_cookie_form_post_without_an_antiforgery_token_gets_400_and_changes_nothing()
    {
        var (browser, user) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (browser)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["CurrentPassword"] = user.Password,
                ["NewPassword"] = "forged-password-from-elsewhere",
                ["ConfirmPassword"] = "forged-password-from-elsewhere",
            });

            using var response = await browser.PostAsync(new Uri("/account/password", UriKind.Relative), form);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var again = factory.CreateBrowser();
        using var signIn = await again.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task An_antiforgery_token_of_another_session_is_refused()
    {
        var (mallory, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        var (alice, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (mallory)
        using (alice)
        {
            var malloryToken = await mallory.GetAntiforgeryTokenAsync();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = malloryToken });

            using var response = await alice.PostAsync(new Uri("/account/logout", UriKind.Relative), form);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync(new Uri("/account", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task A_cookie_request_may_send_the_antiforgery_token_in_the_header_as_api_calls_do()
    {
        var (browser, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (browser)
        {
            var token = await browser.GetAntiforgeryTokenAsync();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/tokens")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["NewToken.Name"] = "header", ["NewToken.ExpiresInDays"] = "7" }),
            };
            request.Headers.Add("RequestVerificationToken", token);

            using var response = await browser.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
