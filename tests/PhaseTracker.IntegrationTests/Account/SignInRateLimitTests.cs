using System.Globalization;
using System.Net;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Account;

public sealed class SignInRateLimitTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_retry_after()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:SignInPermitLimit", "3"));
        using var browser = limited.CreateBrowser();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await browser.SignInAsync("someone@example.com", $"guess-number-{attempt}-of-many");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await browser.SignInAsync("someone@example.com", "guess-number-4-of-many");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Only sign-in is limited: the pages go on answering.
        using var page = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
