using System.Net;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Security;

/// <summary>The security headers and cookie flags, on a page, an API response and error responses.</summary>
public sealed class SecurityHeadersTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private const string ContentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    [Fact]
    public async Task A_page_carries_the_security_headers()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task An_api_response_carries_the_security_headers()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_not_found_page_carries_the_security_headers()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_static_file_carries_the_security_headers()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Over_https_the_sign_in_cookie_is_host_prefixed_secure_httponly_and_samesite_lax()
    {
        var user = await factory.CreateUserAsync(Roles.Viewer);
        using var browser = factory.CreateBrowser("https://localhost");

        using var response = await browser.SignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertSecurityHeaders(response);
        var cookie = Assert.Single(response.SetCookies(), c => c.Contains(SecurityServices.CookieName + "=", StringComparison.Ordinal));
        Assert.StartsWith("__Host-PhaseTracker=", cookie, StringComparison.Ordinal);
        AssertFlags(cookie, secure: true);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/account", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Over_http_the_sign_in_cookie_has_a_plain_name_and_is_httponly_and_samesite_lax()
    {
        var user = await factory.CreateUserAsync(Roles.Viewer);
        using var browser = factory.CreateBrowser();

        using var response = await browser.SignInAsync(user.Email, user.Password);

        var cookie = Assert.Single(response.SetCookies(), c => c.Contains(SecurityServices.CookieName + "=", StringComparison.Ordinal));
        Assert.StartsWith("PhaseTracker=", cookie, StringComparison.Ordinal);
        AssertFlags(cookie, secure: false);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_httponly_too()
    {
        using var browser = factory.CreateBrowser("https://localhost");

        using var response = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));

        var cookie = Assert.Single(response.SetCookies(), c => c.StartsWith(SecurityServices.AntiforgeryCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task In_production_an_error_page_shows_the_request_id_no_stack_trace_and_the_headers_with_hsts()
    {
        using var production = Production();
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://phasetracker.example") });

        using var response = await client.GetAsync(new Uri("/test/throw", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", page, StringComparison.Ordinal);
        Assert.Contains("Request id", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingController.Secret, page, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ThrowingController", page, StringComparison.Ordinal);
        AssertSecurityHeaders(response);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task In_production_an_api_error_is_problem_details_without_a_stack_trace_and_with_the_headers()
    {
        using var production = Production();
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://phasetracker.example") });

        using var response = await client.GetAsync(new Uri("/api/test/throw", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ThrowingController.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Under_api_a_signed_in_user_whose_role_does_not_allow_it_gets_403_problem_details_not_a_redirect()
    {
        using var withTestEndpoints = WithTestEndpoints(factory);
        var (viewer, _) = await withTestEndpoints.CreateSignedInBrowserAsync(Roles.Viewer);
        var (admin, _) = await withTestEndpoints.CreateSignedInBrowserAsync(Roles.Admin);
        using (viewer)
        using (admin)
        {
            using var refused = await viewer.GetAsync(new Uri("/api/test/admin-only", UriKind.Relative));
            using var allowed = await admin.GetAsync(new Uri("/api/test/admin-only", UriKind.Relative));

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Null(refused.Headers.Location);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            AssertSecurityHeaders(refused);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
    }

    [Fact]
    public async Task In_development_there_is_no_hsts()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://phasetracker.example") });

        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private WebApplicationFactory<Program> Production() => WithTestEndpoints(factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production")));

    // Adds the controllers of this assembly (ThrowingController, AdminOnlyApiController) to the app.
    private static WebApplicationFactory<Program> WithTestEndpoints(WebApplicationFactory<Program> app) => app.WithWebHostBuilder(builder =>
        builder.ConfigureTestServices(services => services.AddControllersWithViews().AddApplicationPart(typeof(ThrowingController).Assembly)));

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(ContentSecurityPolicy, Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values
            : response.Content.Headers.TryGetValues(header, out var contentValues) ? contentValues : []);

    private static void AssertFlags(string cookie, bool secure)
    {
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(secure, cookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
    }
}
