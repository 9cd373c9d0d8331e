using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Features.Users;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Account;

/// <summary>The admin's users page, and changes to a user taking effect on that user's next request.</summary>
public sealed partial class UsersPageTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task An_admin_adds_a_user_who_signs_in_with_the_password_shown_once()
    {
        var (admin, _) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (admin)
        {
            var email = $"new-{Guid.NewGuid():N}@example.com";

            using var added = await admin.PostFormAsync("/users", new Dictionary<string, string>
            {
                ["NewUser.Email"] = email,
                ["NewUser.Role"] = Roles.Lead,
            });

            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            var page = await added.Content.ReadAsStringAsync();
            var password = GeneratedPassword().Match(page).Groups[1].Value;
            Assert.Equal(20, password.Length);
            var list = await admin.GetStringAsync(new Uri("/users", UriKind.Relative));
            Assert.Contains(email, list, StringComparison.Ordinal);
            Assert.DoesNotContain(password, list, StringComparison.Ordinal);

            using var newcomer = factory.CreateBrowser();
            using var signIn = await newcomer.SignInAsync(email, password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal(Roles.Lead, (await newcomer.GetFromJsonAsync<JsonElement>(new Uri("/api/whoami", UriKind.Relative))).GetProperty("role").GetString());
        }
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Lead)]
    public async Task The_users_page_is_for_admins_only(string role)
    {
        var (browser, _) = await factory.CreateSignedInBrowserAsync(role);
        using (browser)
        {
            using var response = await browser.GetAsync(new Uri("/users", UriKind.Relative));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.RedirectPath(), StringComparison.Ordinal);
            using var denied = await browser.GetAsync(new Uri(response.RedirectPath()!, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_session_on_their_next_request_and_stops_their_tokens()
    {
        var (victim, user) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        var token = await IssueTokenAsync(user.Email);
        using var api = factory.CreateClient();
        var (admin, _) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (victim)
        using (admin)
        {
            Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync(new Uri("/account", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ApiTokenTests.WhoAmIAsync(api, token)).Status);

            using var disable = await admin.PostFormAsync($"/users/{await IdOfAsync(user.Email)}/disable", new Dictionary<string, string>());

            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
            using var next = await victim.GetAsync(new Uri("/account", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
            Assert.StartsWith("/account/login", next.RedirectPath(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await ApiTokenTests.WhoAmIAsync(api, token)).Status);
            using var again = factory.CreateBrowser();
            using var signIn = await again.SignInAsync(user.Email, user.Password);
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.Contains("disabled", await admin.GetStringAsync(new Uri("/users", UriKind.Relative)), StringComparison.Ordinal);

            using var enable = await admin.PostFormAsync($"/users/{await IdOfAsync(user.Email)}/enable", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ApiTokenTests.WhoAmIAsync(api, token)).Status);
        }
    }

    [Fact]
    public async Task A_role_change_takes_effect_on_the_users_next_request()
    {
        var (demoted, user) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        var token = await IssueTokenAsync(user.Email);
        using var api = factory.CreateClient();
        var (admin, _) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (demoted)
        using (admin)
        {
            Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync(new Uri("/users", UriKind.Relative))).StatusCode);

            using var change = await admin.PostFormAsync(
                $"/users/{await IdOfAsync(user.Email)}/role", new Dictionary<string, string> { ["role"] = Roles.Viewer });

            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
            using var next = await demoted.GetAsync(new Uri("/users", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, next.StatusCode);
            Assert.Equal(Roles.Viewer, (await ApiTokenTests.WhoAmIAsync(api, token)).Body.GetProperty("role").GetString());
        }
    }

    [Fact]
    public async Task An_admin_cannot_disable_or_demote_themselves()
    {
        var (admin, user) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (admin)
        {
            var id = await IdOfAsync(user.Email);

            using var disable = await admin.PostFormAsync($"/users/{id}/disable", new Dictionary<string, string>());
            using var demote = await admin.PostFormAsync($"/users/{id}/role", new Dictionary<string, string> { ["role"] = Roles.Viewer });

            Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
            Assert.Contains("You cannot disable your own account", await disable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/users", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_demoted_nor_disabled()
    {
        using var alone = new PhaseTrackerFactory();
        var only = await alone.CreateUserAsync(Roles.Admin);
        await using var scope = alone.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var id = (await users.FindByEmailAsync(only.Email))!.Id;

        var demoted = await users.ChangeRoleAsync(id, Roles.Lead, actingUserId: null, CancellationToken.None);
        var disabled = await users.SetDisabledAsync(id, disabled: true, actingUserId: null, CancellationToken.None);

        Assert.Equal($"{only.Email} is the last admin: make someone else admin first.", demoted);
        Assert.Equal(demoted, disabled);
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByEmailAsync(email))!.Id;
    }

    private async Task<string> IssueTokenAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByEmailAsync(email);
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user!, "test", readOnly: false, 30, CancellationToken.None);
        return issued.Secret;
    }

    [GeneratedRegex("id=\"generated-password\">([^<]+)<")]
    private static partial Regex GeneratedPassword();
}
