using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Import;

/// <summary><c>POST /api/import</c>: the document as a markdown body, a dry run, conflicts and their resolution, the limits.</summary>
public sealed class ImportApiTests : IDisposable
{
    private readonly PhaseTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpResponseMessage> PostAsync(string token, string? text, string query = "", string mediaType = "text/markdown", byte[]? body = null)
    {
        using var client = _factory.CreateClient();
        var content = new ByteArrayContent(body ?? Encoding.UTF8.GetBytes(text ?? ""));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import" + query) { Content = content }.WithBearer(token);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_dry_run_answers_the_preview_and_changes_nothing()
    {
        var token = await _factory.TokenForAsync(Roles.Lead);
        var before = await _factory.TraceAsync();

        using var response = await PostAsync(token, ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Platform Team")), "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, body.GetProperty("items").GetProperty("changed").GetInt32());
        Assert.Equal(4, body.GetProperty("items").GetProperty("unchanged").GetInt32());
        Assert.Contains("+**Owner:** Platform Team", body.GetProperty("diff").GetString(), StringComparison.Ordinal);
        var change = body.GetProperty("changes")[0];
        Assert.Equal("Item 3: Load Testing Suite", change.GetProperty("record").GetString());
        Assert.Equal("Owner", change.GetProperty("fields")[0].GetProperty("field").GetString());
        Assert.Equal("Backend Team", await _factory.ItemOwnerAsync(3));
        Assert.Equal(before, await _factory.TraceAsync());
    }

    [Fact]
    public async Task An_import_applies_with_its_counts_and_warnings_with_lines()
    {
        var token = await _factory.TokenForAsync(Roles.Lead);

        using var response = await PostAsync(token, null, "?fileName=PHASE2_TRACKING.md", "text/plain", Seed.Utf8.GetBytes(
            ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Platform Team"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(2, body.GetProperty("phase").GetInt32());
        Assert.True(body.GetProperty("changed").GetBoolean());
        Assert.Equal(1, body.GetProperty("items").GetProperty("changed").GetInt32());
        Assert.All(body.GetProperty("warnings").EnumerateArray(), w => Assert.True(w.GetProperty("line").GetInt32() > 0));
        Assert.Equal("Platform Team", await _factory.ItemOwnerAsync(3));
    }

    [Fact]
    public async Task The_same_document_twice_changes_nothing_the_second_time()
    {
        var token = await _factory.TokenForAsync(Roles.Lead);
        var text = ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Platform Team"));
        using (var first = await PostAsync(token, text))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var before = await _factory.TraceAsync();
        using var second = await PostAsync(token, text);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False((await JsonAsync(second)).GetProperty("changed").GetBoolean());
        Assert.Equal(before.History, (await _factory.TraceAsync()).History);
    }

    [Fact]
    public async Task A_conflict_without_a_resolution_is_409_listing_it_and_resolve_picks_a_side()
    {
        var token = await _factory.TokenForAsync(Roles.Lead);
        await _factory.SetItemOwnerAsync(3, "QA Guild");
        var text = ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Platform Team"));

        using (var refused = await PostAsync(token, text))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var conflict = (await JsonAsync(refused)).GetProperty("conflicts")[0];
            Assert.Equal("Item 3", conflict.GetProperty("record").GetString());
            Assert.Equal("Owner", conflict.GetProperty("field").GetString());
            Assert.Equal("QA Guild", conflict.GetProperty("database").GetString());
            Assert.Equal("Platform Team", conflict.GetProperty("document").GetString());
        }

        Assert.Equal("QA Guild", await _factory.ItemOwnerAsync(3));

        using (var ours = await PostAsync(token, text, "?resolve=ours"))
        {
            Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
            Assert.Equal("QA Guild", await _factory.ItemOwnerAsync(3));
        }

        await _factory.SetItemOwnerAsync(3, "Release Team");
        using var theirs = await PostAsync(token, ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Web Team")), "?resolve=theirs");
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.Equal("Web Team", await _factory.ItemOwnerAsync(3));
    }

    [Fact]
    public async Task A_json_body_is_415_problem_details()
    {
        var token = await _factory.TokenForAsync(Roles.Lead);

        using var response = await PostAsync(token, "{\"document\": \"# Phase 2\"}", mediaType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("text/markdown", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_over_10_MB_is_413_problem_details()
    {
        var token = await _factory.TokenForAsync(Roles.Lead);

        using var response = await PostAsync(token, Seed.RepairedText + new string('x', 10 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The document is larger than 10 MB; the import takes documents up to 10 MB.", (await JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_refused_document_is_422_with_the_readers_sentence_and_changes_nothing()
    {
        var token = await _factory.TokenForAsync(Roles.Lead);
        var before = await _factory.TraceAsync();

        using var response = await PostAsync(token, "Just some notes,\nnot a tracking document.\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
        Assert.True(body.TryGetProperty("line", out _));
        Assert.Equal(before, await _factory.TraceAsync());
    }

    [Fact]
    public async Task Viewers_get_403_and_anonymous_callers_401()
    {
        var token = await _factory.TokenForAsync(Roles.Viewer);

        using var viewer = await PostAsync(token, Seed.RepairedText);
        using var client = _factory.CreateClient();
        using var anonymous = await client.PostAsync(new Uri("/api/import", UriKind.Relative), new StringContent(Seed.RepairedText, Encoding.UTF8, "text/markdown"));

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
