using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.Hosting;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Operations;

public sealed class HealthTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task Readiness_names_each_check_and_says_healthy_in_json()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["process"]);
    }

    [Fact]
    public async Task Liveness_checks_the_process_alone()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var check = Assert.Single(body.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("process", check.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/live")]
    public async Task Health_answers_head_and_does_not_answer_post(string path)
    {
        using var client = factory.CreateClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        using var post = await client.PostAsync(new Uri(path, UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/live")]
    [InlineData("/metrics")]
    public async Task Health_and_metrics_need_no_account_even_with_anonymous_reading_off(string path)
    {
        using var closed = factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:AllowAnonymousRead", "false"));
        using var client = closed.CreateBrowser();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
