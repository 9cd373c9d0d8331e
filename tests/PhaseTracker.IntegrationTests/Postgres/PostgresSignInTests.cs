using System.Net;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Postgres;

/// <summary>Accounts (ASP.NET Core Identity) and API tokens on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSignInTests(PostgresPhaseTrackerFactory factory) : IClassFixture<PostgresPhaseTrackerFactory>
{
    [PostgresFact]
    public async Task Signing_in_with_the_right_password_shows_the_account()
    {
        var user = await factory.CreateUserAsync(Roles.Lead);
        using var browser = factory.CreateBrowser();

        using var response = await browser.SignInAsync(user.Email, user.Password, returnUrl: "/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.RedirectPath());
        var account = await browser.GetStringAsync(new Uri("/account", UriKind.Relative));
        Assert.Contains(user.Email, account, StringComparison.Ordinal);
        Assert.Contains("role <strong>Lead</strong>", account, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task The_email_is_matched_whatever_its_case_and_a_wrong_password_is_refused()
    {
        var user = await factory.CreateUserAsync(Roles.Viewer);
        using var browser = factory.CreateBrowser();

        using (var wrong = await browser.SignInAsync(user.Email, "not-the-password-at-all"))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
        }

        using var right = await browser.SignInAsync(user.Email.ToUpperInvariant(), user.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.RedirectPath());
    }

    [PostgresFact]
    public async Task A_lead_signed_in_can_open_the_import_page_and_a_viewer_cannot()
    {
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        var (viewer, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (lead)
        using (viewer)
        {
            using var leadPage = await lead.GetAsync(new Uri("/account", UriKind.Relative));
            using var viewerUsers = await viewer.GetAsync(new Uri("/users", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, leadPage.StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, viewerUsers.StatusCode);
        }
    }
}
