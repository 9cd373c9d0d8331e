using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;

using Serilog.Core;

namespace PhaseTracker.IntegrationTests.Operations;

public sealed class RequestIdTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private const string Header = "X-Request-ID";

    [Theory]
    [InlineData("support-ticket-42")]
    [InlineData("0HNQ.abc_DEF-9")]
    public async Task A_safe_incoming_request_id_is_kept_and_echoed(string id)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/live");
        request.Headers.Add(Header, id);

        using var response = await client.SendAsync(request);

        Assert.Equal(id, Assert.Single(response.Headers.GetValues(Header)));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("line\\nbreak")]
    [InlineData("quote\"")]
    [InlineData("")]
    public async Task An_unsafe_or_missing_request_id_is_replaced_by_a_new_uuid(string id)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/live");
        if (id.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(Header, id);
        }

        using var response = await client.SendAsync(request);

        var echoed = Assert.Single(response.Headers.GetValues(Header));
        Assert.NotEqual(id, echoed);
        Assert.True(Guid.TryParse(echoed, out _), echoed);
    }

    [Fact]
    public async Task A_request_id_longer_than_128_characters_is_replaced()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/live");
        request.Headers.Add(Header, new string('a', 129));

        using var response = await client.SendAsync(request);

        Assert.True(Guid.TryParse(Assert.Single(response.Headers.GetValues(Header)), out _));
    }

    [Fact]
    public async Task Every_problem_details_carries_the_request_id()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Add(Header, "problem-1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("problem-1", problem.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("problem-1", Assert.Single(response.Headers.GetValues(Header)));
    }

    [Fact]
    public async Task An_error_page_shows_the_request_id()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/error/400");
        request.Headers.Add(Header, "page-error-7");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<code>page-error-7</code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_request_is_one_log_line_with_method_route_status_elapsed_user_and_request_id()
    {
        var capture = new LogCapture();
        using var host = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(capture)));
        using var client = host.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/adrs/4");
        request.Headers.Add(Header, "log-line-1");
        using var response = await client.SendAsync(request);
        var line = await capture.RequestLineAsync("log-line-1");

        Assert.Equal("GET", LogCapture.Scalar(line, "RequestMethod"));
        // The route pattern, not the path: one series of lines per page, whatever the number.
        Assert.StartsWith("/adrs/{", LogCapture.Scalar(line, "Route"), StringComparison.Ordinal);
        Assert.Equal(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), LogCapture.Scalar(line, "StatusCode"));
        Assert.NotNull(LogCapture.Scalar(line, "Elapsed"));
        Assert.Equal("anonymous", LogCapture.Scalar(line, "User"));
        Assert.Single(capture.Events, e => LogCapture.Scalar(e, "SourceContext") == "Serilog.AspNetCore.RequestLoggingMiddleware"
            && LogCapture.Scalar(e, "RequestId") == "log-line-1");
    }

    [Fact]
    public async Task The_log_line_names_the_signed_in_user()
    {
        var capture = new LogCapture();
        using var host = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(capture)));
        var (browser, user) = await host.CreateSignedInBrowserAsync("Lead");
        using (browser)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/items");
            request.Headers.Add(Header, "signed-in-1");
            using var response = await browser.SendAsync(request);

            var line = await capture.RequestLineAsync("signed-in-1");
            Assert.Equal(user.Email, LogCapture.Scalar(line, "User"));
            Assert.Equal("/items", LogCapture.Scalar(line, "Route"));
        }
    }

    [Fact]
    public async Task With_a_log_file_configured_each_request_is_a_compact_json_line_with_its_request_id()
    {
        using var folder = new TempDirectory();
        using var host = factory.WithWebHostBuilder(builder =>
            builder.UseSetting("Logging:File:Path", Path.Combine(folder.Path, "logs", "phasetracker-.log")));
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items");
        request.Headers.Add(Header, "file-line-1");

        using var response = await client.SendAsync(request);

        string? found = null;
        for (var attempt = 0; attempt < 50 && found is null; attempt++)
        {
            await Task.Delay(20);
            foreach (var file in Directory.Exists(Path.Combine(folder.Path, "logs")) ? Directory.GetFiles(Path.Combine(folder.Path, "logs"), "phasetracker-*.log") : [])
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                found ??= (await reader.ReadToEndAsync()).Split('\n').FirstOrDefault(l => l.Contains("\"file-line-1\"", StringComparison.Ordinal));
            }
        }

        Assert.True(found is not null, "Files: " + string.Join(", ", Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories)));
        using var json = JsonDocument.Parse(found);
        Assert.Equal("file-line-1", json.RootElement.GetProperty("RequestId").GetString());
        Assert.Equal("/items", json.RootElement.GetProperty("Route").GetString());
        Assert.Equal(200, json.RootElement.GetProperty("StatusCode").GetInt32());
    }
}
