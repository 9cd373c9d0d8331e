using System.Net;
using System.Net.Http.Json;

using Microsoft.AspNetCore.Mvc.Testing;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Postgres;

/// <summary>
/// Two instances of the app behind a load balancer, on one PostgreSQL database: a sign-in made on one is
/// valid on the other (Data Protection keys live in the database), and a change made through one shows on
/// the other's pages at the next request (pages are cached under the database's data version).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesTests : IClassFixture<PostgresPhaseTrackerFactory>, IDisposable
{
    private readonly PostgresPhaseTrackerFactory _hostA;
    private readonly PostgresPhaseTrackerFactory _hostB;

    public TwoInstancesTests(PostgresPhaseTrackerFactory factory)
    {
        _hostA = factory;
        _hostB = factory.OnSameDatabase();
    }

    public void Dispose() => _hostB.Dispose();

    [PostgresFact]
    public async Task A_sign_in_made_on_one_instance_is_valid_on_the_other()
    {
        var user = await _hostA.CreateUserAsync(Roles.Lead);
        using var browserA = _hostA.CreateBrowser();
        using var signIn = await browserA.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = string.Join("; ", signIn.SetCookies().Select(c => c.Split(';', 2)[0]));

        using var browserB = _hostB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var anonymous = await browserB.GetAsync(new Uri("/api/whoami", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/whoami");
        request.Headers.Add("Cookie", cookies);
        using var signedIn = await browserB.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var whoAmI = await signedIn.Content.ReadFromJsonAsync<WhoAmI>();
        Assert.Equal(user.Email, whoAmI!.Email);
        Assert.Equal(Roles.Lead, whoAmI.Role);
        Assert.Equal("cookie", whoAmI.SignedInWith);
    }

    [PostgresFact]
    public async Task An_import_through_one_instance_shows_on_the_other_once_its_version_check_interval_has_passed()
    {
        using var clientB = _hostB.CreateClient();
        var before = await clientB.GetPageAsync("/items");
        Assert.Contains("Load Testing Suite", before, StringComparison.Ordinal);

        var renamed = Seed.RepairedText.Replace("Load Testing Suite", "Soak Testing Suite", StringComparison.Ordinal);
        await _hostA.ImportAsync(renamed);
        try
        {
            // Host B checks the data version at most every 250 ms (the default), so it may serve its
            // cached page that long; past the interval it must not.
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            var after = await clientB.GetPageAsync("/items");
            var dashboard = await clientB.GetPageAsync("/");

            Assert.Contains("Soak Testing Suite", after, StringComparison.Ordinal);
            Assert.DoesNotContain("Load Testing Suite", after, StringComparison.Ordinal);
            Assert.Contains("Soak Testing Suite", dashboard, StringComparison.Ordinal);
        }
        finally
        {
            await _hostA.ImportAsync(Seed.RepairedText);
        }
    }
}
