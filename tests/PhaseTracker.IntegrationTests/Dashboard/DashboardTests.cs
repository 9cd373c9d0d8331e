using System.Net;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Dashboard;

public sealed class DashboardTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task First_start_on_an_empty_database_shows_the_seed_document()
    {
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Phase 2 Tracking", page, StringComparison.Ordinal);
        Assert.All(Seed.ItemTitles, title => Assert.Contains(title, page, StringComparison.Ordinal));
        Assert.Contains("25 h", page, StringComparison.Ordinal);
        Assert.Contains("3.1 developer-days", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_shows_the_document_warnings_with_their_line_numbers()
    {
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Matches(@"line \d+: ", page);
    }

    [Fact]
    public async Task Healthz_answers_Healthy_when_the_database_answers()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_no_inline_script()
    {
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", page);
    }
}
