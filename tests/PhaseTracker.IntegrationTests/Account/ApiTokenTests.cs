using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Features.Users;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Account;

public sealed partial class ApiTokenTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task A_token_made_on_the_command_line_authenticates_the_api_with_its_users_role()
    {
        using var client = factory.CreateClient();
        var user = await factory.CreateUserAsync(Roles.Lead);

        var run = await CommandLineRun.RunAsync("users", "token", user.Email, "--db", factory.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        var token = run.Stdout.Trim().Split(' ', '\n')[^1];
        var whoami = await WhoAmIAsync(client, token);
        Assert.Equal(HttpStatusCode.OK, whoami.Status);
        Assert.Equal(user.Email, whoami.Body.GetProperty("email").GetString());
        Assert.Equal(Roles.Lead, whoami.Body.GetProperty("role").GetString());
        Assert.False(whoami.Body.GetProperty("readOnly").GetBoolean());
        Assert.Equal("token", whoami.Body.GetProperty("signedInWith").GetString());
    }

    [Fact]
    public async Task A_token_is_kept_only_as_its_sha256_hash_and_expires_in_90_days_by_default()
    {
        var (_, secret) = await IssueAsync(Roles.Viewer);

        await using var db = CommandLineRun.OpenDatabase(factory.DatabasePath);
        var hash = ApiTokenService.Hash(secret);
        var row = await db.ApiTokens.SingleAsync(t => t.SecretHash == hash);
        Assert.Equal(64, row.SecretHash.Length);
        Assert.DoesNotContain(secret[ApiTokenService.Prefix.Length..], row.SecretHash + row.Hint + row.Name, StringComparison.Ordinal);
        Assert.Equal(90, Math.Round((row.ExpiresUtc - row.CreatedUtc).TotalDays));
        Assert.StartsWith(ApiTokenService.Prefix, secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);
    }

    [Fact]
    public async Task An_api_request_without_an_account_gets_401_problem_details_and_no_redirect()
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.GetAsync(new Uri("/api/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_also_takes_the_sign_in_cookie()
    {
        var (browser, user) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (browser)
        {
            var whoami = await browser.GetFromJsonAsync<JsonElement>(new Uri("/api/whoami", UriKind.Relative));

            Assert.Equal(user.Email, whoami.GetProperty("email").GetString());
            Assert.Equal(Roles.Admin, whoami.GetProperty("role").GetString());
            Assert.Equal("cookie", whoami.GetProperty("signedInWith").GetString());
        }
    }

    [Fact]
    public async Task A_token_that_is_not_valid_gets_401_even_where_reading_is_open()
    {
        using var client = factory.CreateClient();

        foreach (var token in new[] { "pt_not-a-real-token", "garbage", "" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/").WithBearer(token);
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_full_token_of_an_admin_may_write_without_an_antiforgery_token()
    {
        var (_, secret) = await IssueAsync(Roles.Admin);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var email = $"added-by-token-{Guid.NewGuid():N}@example.com";

        using var response = await PostUserAsync(client, secret, email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task A_read_only_token_may_read_but_not_write_whatever_its_users_role()
    {
        var (_, secret) = await IssueAsync(Roles.Admin, readOnly: true);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var whoami = await WhoAmIAsync(client, secret);
        Assert.Equal(HttpStatusCode.OK, whoami.Status);
        Assert.True(whoami.Body.GetProperty("readOnly").GetBoolean());
        using var read = new HttpRequestMessage(HttpMethod.Get, "/").WithBearer(secret);
        using var readResponse = await client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, readResponse.StatusCode);

        var email = $"refused-{Guid.NewGuid():N}@example.com";
        using var write = await PostUserAsync(client, secret, email);

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
        Assert.Contains("read-only", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task A_token_of_a_viewer_gets_403_problem_details_for_what_the_role_does_not_allow()
    {
        var (_, secret) = await IssueAsync(Roles.Viewer);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/users").WithBearer(secret);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_made_on_the_account_page_is_shown_once_and_works()
    {
        var (browser, user) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (browser)
        {
            using var created = await browser.PostFormAsync("/account/tokens", new Dictionary<string, string>
            {
                ["NewToken.Name"] = "CI export",
                ["NewToken.ReadOnly"] = "true",
                ["NewToken.ExpiresInDays"] = "30",
            });

            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            var secret = NewTokenOnPage().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
            Assert.StartsWith(ApiTokenService.Prefix, secret, StringComparison.Ordinal);
            var later = await browser.GetStringAsync(new Uri("/account", UriKind.Relative));
            Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
            Assert.Contains("CI export", later, StringComparison.Ordinal);

            using var client = factory.CreateClient();
            var whoami = await WhoAmIAsync(client, secret);
            Assert.Equal(HttpStatusCode.OK, whoami.Status);
            Assert.Equal(user.Email, whoami.Body.GetProperty("email").GetString());
            Assert.True(whoami.Body.GetProperty("readOnly").GetBoolean());
        }
    }

    [Fact]
    public async Task A_token_revoked_on_the_account_page_stops_working()
    {
        var (browser, user) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (browser)
        {
            var (token, secret) = await IssueForAsync(user.Email, readOnly: false);
            using var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await WhoAmIAsync(client, secret)).Status);

            using var revoke = await browser.PostFormAsync($"/account/tokens/{token.Id}/revoke", new Dictionary<string, string>());

            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmIAsync(client, secret)).Status);
            Assert.Contains("revoked", await browser.GetStringAsync(new Uri("/account", UriKind.Relative)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Nobody_can_revoke_another_users_token()
    {
        var (_, secret) = await IssueAsync(Roles.Viewer);
        var hash = ApiTokenService.Hash(secret);
        int id;
        await using (var db = CommandLineRun.OpenDatabase(factory.DatabasePath))
        {
            id = (await db.ApiTokens.SingleAsync(t => t.SecretHash == hash)).Id;
        }

        var (browser, _) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (browser)
        {
            using var revoke = await browser.PostFormAsync($"/account/tokens/{id}/revoke", new Dictionary<string, string>());

            Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        }

        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await WhoAmIAsync(client, secret)).Status);
    }

    [Fact]
    public async Task An_expired_token_stops_working()
    {
        var (token, secret) = await IssueAsync(Roles.Lead);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await WhoAmIAsync(client, secret)).Status);

        await using (var db = CommandLineRun.OpenDatabase(factory.DatabasePath))
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1)));
        }

        var whoami = await WhoAmIAsync(client, secret);
        Assert.Equal(HttpStatusCode.Unauthorized, whoami.Status);
        Assert.Contains("expired", whoami.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<IssuedToken> IssueAsync(string role, bool readOnly = false)
    {
        var user = await factory.CreateUserAsync(role);
        return await IssueForAsync(user.Email, readOnly);
    }

    private async Task<IssuedToken> IssueForAsync(string email, bool readOnly)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .IssueAsync(account!, "test", readOnly, ApiTokenService.DefaultLifetimeDays, CancellationToken.None);
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> WhoAmIAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/whoami").WithBearer(token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task<HttpResponseMessage> PostUserAsync(HttpClient client, string token, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/users")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["NewUser.Email"] = email, ["NewUser.Role"] = Roles.Viewer }),
        }.WithBearer(token);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("id=\"new-token\">([^<]+)<")]
    private static partial Regex NewTokenOnPage();
}
