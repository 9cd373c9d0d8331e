using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Operations;

/// <summary>
/// Every request here comes from 10.0.0.5, a reverse proxy, on behalf of the client its
/// X-Forwarded-For names. The sign-in limit (one attempt per client) shows whom the app believes.
/// </summary>
public sealed class ForwardedHeadersTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task Behind_a_known_proxy_each_client_is_seen_with_its_own_address_and_scheme()
    {
        using var host = BehindProxy(knownProxy: Proxy);
        using var alice = Client(host, "203.0.113.7");
        using var bob = Client(host, "203.0.113.8");

        using var aliceFirst = await alice.SignInAsync("alice@example.com", "wrong-password-number-1");
        using var aliceSecond = await alice.SignInAsync("alice@example.com", "wrong-password-number-2");
        using var bobFirst = await bob.SignInAsync("bob@example.com", "wrong-password-number-1");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, aliceFirst.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, aliceSecond.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, bobFirst.StatusCode);

        // X-Forwarded-Proto: https from the proxy makes the request HTTPS: cookies are marked Secure.
        using var login = await alice.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Contains(login.SetCookies(), cookie => cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_known_proxies_forwarded_headers_are_ignored()
    {
        using var host = BehindProxy(knownProxy: null);
        using var alice = Client(host, "203.0.113.7");
        using var bob = Client(host, "203.0.113.8");

        using var aliceFirst = await alice.SignInAsync("alice@example.com", "wrong-password-number-1");
        using var bobFirst = await bob.SignInAsync("bob@example.com", "wrong-password-number-1");

        // Both are the proxy's address to the app: one budget between them, and plain HTTP.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, aliceFirst.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, bobFirst.StatusCode);
        using var login = await alice.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.DoesNotContain(login.SetCookies(), cookie => cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private WebApplicationFactory<Program> BehindProxy(string? knownProxy) => factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Auth:SignInPermitLimit", "1");
        builder.UseSetting("Auth:SignInWindowSeconds", "600");
        if (knownProxy is not null)
        {
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", knownProxy);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FromProxy>());
    });

    private static HttpClient Client(WebApplicationFactory<Program> host, string clientAddress)
    {
        var client = host.CreateBrowser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    /// <summary>The test server has no network: this gives every request the proxy's address, before the app's pipeline.</summary>
    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
