using System.Net;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Web.Features.Users;

namespace PhaseTracker.IntegrationTests.Infrastructure;

/// <summary>A user made for a test, with the password to sign in.</summary>
public sealed record TestUser(string Email, string Password, string Role);

/// <summary>
/// Users, sign-in and antiforgery tokens for tests of the web app: a client here is a browser that keeps
/// its cookies and does not follow redirects, so tests see where the app sends it.
/// </summary>
public static partial class Accounts
{
    /// <summary>Long enough, and on nobody's list of common passwords.</summary>
    public const string Password = "amber-lantern-orbit-42";

    /// <summary>Adds a user with a role (Viewer, Lead, Admin) straight through the app's services.</summary>
    public static async Task<TestUser> CreateUserAsync(this WebApplicationFactory<Program> factory, string role, string? email = null, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await using var scope = factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(email, role, password, CancellationToken.None);
        Assert.True(outcome.Error is null, outcome.Error);
        return new TestUser(email, password, role);
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient CreateBrowser(this WebApplicationFactory<Program> factory, string baseAddress = "http://localhost")
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(baseAddress),
        });
    }

    /// <summary>A new user with the role, and a browser signed in as that user.</summary>
    public static async Task<(HttpClient Browser, TestUser User)> CreateSignedInBrowserAsync(this WebApplicationFactory<Program> factory, string role)
    {
        var user = await factory.CreateUserAsync(role);
        var browser = factory.CreateBrowser();
        using var response = await browser.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (browser, user);
    }

    /// <summary>Posts the sign-in form as a browser would: first the page (for its antiforgery token), then the form.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string email, string password, string? returnUrl = null) =>
        browser.PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["ReturnUrl"] = returnUrl ?? "",
        });

    /// <summary>Posts a form with the antiforgery token of the page at <paramref name="tokenFrom"/> (by default the account page, or the sign-in page when signed out).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string path, IDictionary<string, string> fields, string? tokenFrom = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var token = await browser.GetAntiforgeryTokenAsync(tokenFrom);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(form);
        return await browser.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The antiforgery token of a form on the page (the account page when signed in, else the sign-in page).</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient browser, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var page = await browser.GetAsync(new Uri(path ?? "/account", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        if (path is null && page.StatusCode != HttpStatusCode.OK)
        {
            return await browser.GetAntiforgeryTokenAsync("/account/login");
        }

        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, $"{path ?? "/account"} has no form with an antiforgery token (status {(int)page.StatusCode}).");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Where a redirect sends the browser, as a path and query ("/account/login?returnUrl=%2F").</summary>
    public static string? RedirectPath(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString
            : null;
    }

    /// <summary>The name=value of each cookie the response sets.</summary>
    public static IEnumerable<string> SetCookies(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
    }

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
