using System.Net;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Security;

/// <summary>
/// Every endpoint the app maps that can change something (POST, PUT, PATCH, DELETE, or any method) is
/// refused to anonymous requests and to a Viewer: 401, 403, or a redirect to sign-in or access-denied.
/// Each request carries a valid antiforgery token, so that the refusal is about who asks, not about the token.
/// A new endpoint that forgets its policy fails here. The exceptions are listed with their reason.
/// </summary>
public sealed class EndpointAuthorizationTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private static readonly string[] Mutating = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>Anyone may post these.</summary>
    private static readonly HashSet<string> OpenToAnonymous = new(StringComparer.OrdinalIgnoreCase)
    {
        "POST /account/login", // signing in is how a request gets an account
    };

    /// <summary>Any signed-in user may post these: they change only the user's own account.</summary>
    private static readonly HashSet<string> OpenToEveryAccount = new(StringComparer.OrdinalIgnoreCase)
    {
        "POST /account/logout",
        "POST /account/password",
        "POST /account/tokens",
        "POST /account/tokens/{id:int}/revoke",
    };

    private static readonly HashSet<string> OpenToSignedIn = new(OpenToAnonymous.Concat(OpenToEveryAccount), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The error pages (Features/Errors) take every method because the error handler re-executes them
    /// with the failed request's method; they render a message and change nothing.
    /// </summary>
    internal static bool IsErrorPage(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()?.ControllerName == "Errors";

    [Fact]
    public async Task Anonymous_requests_to_every_mutating_endpoint_are_refused()
    {
        using var anonymous = factory.CreateBrowser();
        var token = await anonymous.GetAntiforgeryTokenAsync("/account/login");

        Assert.Empty(await UnrefusedAsync(factory, anonymous, token, OpenToAnonymous));
    }

    [Fact]
    public async Task Viewer_requests_with_a_valid_antiforgery_token_to_every_mutating_endpoint_are_refused()
    {
        var (viewer, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (viewer)
        {
            var token = await viewer.GetAntiforgeryTokenAsync();

            Assert.Empty(await UnrefusedAsync(factory, viewer, token, OpenToSignedIn));
        }
    }

    [Fact]
    public async Task An_endpoint_that_forgets_its_policy_is_caught()
    {
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddControllersWithViews().AddApplicationPart(typeof(ForgottenPolicyController).Assembly)));
        var (viewer, _) = await app.CreateSignedInBrowserAsync(Roles.Viewer);
        using var anonymous = app.CreateBrowser();
        using (viewer)
        {
            var anonymousToken = await anonymous.GetAntiforgeryTokenAsync("/account/login");
            var viewerToken = await viewer.GetAntiforgeryTokenAsync();

            Assert.Equal(["POST /test/forgotten-policy: 200 "], await UnrefusedAsync(app, anonymous, anonymousToken, OpenToAnonymous));
            Assert.Equal(["POST /test/forgotten-policy: 200 "], await UnrefusedAsync(app, viewer, viewerToken, OpenToSignedIn));
        }
    }

    /// <summary>Each mutating endpoint, but the allowed ones, that the client's request was not refused by, with what it answered.</summary>
    private static async Task<List<string>> UnrefusedAsync(
        WebApplicationFactory<Program> app, HttpClient client, string? antiforgeryToken, HashSet<string> allowed)
    {
        var failures = new List<string>();
        foreach (var endpoint in MutatingEndpoints(app).Where(e => !allowed.Contains(Key(e))))
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), UrlFor(endpoint.Pattern)) { Content = EmptyForm(antiforgeryToken) };
            if (antiforgeryToken is not null)
            {
                request.Headers.Add("RequestVerificationToken", antiforgeryToken);
            }

            using var response = await client.SendAsync(request);
            if (!IsRefusal(response))
            {
                failures.Add($"{Key(endpoint)}: {(int)response.StatusCode} {response.RedirectPath()}");
            }
        }

        return failures;
    }

    [Fact]
    public void The_enumeration_sees_the_mutating_endpoints_it_must_guard()
    {
        var seen = MutatingEndpoints(factory).Select(Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains("POST /users", seen);
        Assert.Contains("POST /users/{id}/disable", seen);
        Assert.Contains("POST /users/{id}/role", seen);
        Assert.Contains("POST /account/logout", seen);
        Assert.All(OpenToAnonymous.Concat(OpenToEveryAccount), allowed => Assert.Contains(allowed, seen));
    }

    [Fact]
    public async Task The_endpoints_any_account_may_post_to_still_refuse_anonymous_requests()
    {
        using var anonymous = factory.CreateBrowser();
        var token = await anonymous.GetAntiforgeryTokenAsync("/account/login");

        foreach (var endpoint in OpenToEveryAccount)
        {
            var pattern = RoutePatternFactory.Parse(endpoint.Split(' ')[1]);
            using var request = new HttpRequestMessage(HttpMethod.Post, UrlFor(pattern)) { Content = EmptyForm(token) };
            using var response = await anonymous.SendAsync(request);

            Assert.True(IsRefusal(response), $"{endpoint}: {(int)response.StatusCode}");
        }
    }

    private static IEnumerable<(string Method, RoutePattern Pattern)> MutatingEndpoints(WebApplicationFactory<Program> app)
    {
        _ = app.Server; // builds the app, and with it the endpoints
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            if (IsErrorPage(endpoint))
            {
                continue;
            }

            // An endpoint that names no method takes them all, the mutating ones included.
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } named ? named : Mutating;
            foreach (var method in methods.Where(m => Mutating.Contains(m, StringComparer.OrdinalIgnoreCase)))
            {
                yield return (method.ToUpperInvariant(), pattern);
            }
        }
    }

    private static string Key((string Method, RoutePattern Pattern) endpoint) => $"{endpoint.Method} {Path(endpoint.Pattern)}";

    private static string Path(RoutePattern pattern) => "/" + (pattern.RawText ?? "").TrimStart('~', '/');

    private static bool IsRefusal(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => true,
        HttpStatusCode.Redirect or HttpStatusCode.SeeOther => response.RedirectPath() is { } path
            && (path.StartsWith("/account/login?", StringComparison.Ordinal) || path.StartsWith("/account/access-denied?", StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>The pattern with a sample value in each parameter: "/users/{id}/role" becomes "/users/1/role".</summary>
    internal static string UrlFor(RoutePattern pattern, Func<RoutePatternParameterPart, string>? valueOf = null)
    {
        valueOf ??= SampleValue;
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => valueOf(parameter),
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        return constraints.Contains("guid") ? Guid.Empty.ToString()
            : constraints.Contains("bool") ? "true"
            : constraints.Contains("alpha") ? "a"
            : "1";
    }

    private static FormUrlEncodedContent EmptyForm(string? antiforgeryToken = null) =>
        new(antiforgeryToken is null ? [] : new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgeryToken });
}
