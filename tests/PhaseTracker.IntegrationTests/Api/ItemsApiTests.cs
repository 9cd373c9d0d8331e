using System.Globalization;
using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.IntegrationTests.Items.Editing;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Api;

/// <summary>A script reads and changes items through /api/items with a lead's token; the forms' rules hold.</summary>
public sealed class ItemsApiTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Put = HttpMethod.Put;
    private static readonly HttpMethod Post = HttpMethod.Post;

    [Fact]
    public async Task The_list_shows_the_current_phases_items_with_the_total_and_pages_through_them()
    {
        using var client = factory.CreateBrowser();
        var total = await factory.ReadAsync(db => db.DeferredItems.CountAsync(i => i.Phase!.Number == 2));

        using var all = await client.CallAsync(Get, "/api/items");
        var page = await all.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(total, page.GetProperty("total").GetInt32());
        Assert.Equal(total, page.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(100, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, page.GetProperty("pageCount").GetInt32());
        Assert.Equal([.. Enumerable.Range(1, total)], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()).ToArray());

        using var second = await client.CallAsync(Get, "/api/items?phase=2&pageSize=2&page=2");
        var two = await second.JsonAsync();
        Assert.Equal([3, 4], two.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()).ToArray());
        Assert.Equal((total + 1) / 2, two.GetProperty("pageCount").GetInt32());

        using var big = await client.CallAsync(Get, "/api/items?pageSize=5000");
        Assert.Equal(1000, (await big.JsonAsync()).GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task The_list_filters_and_sorts_as_the_items_page_does()
    {
        using var client = factory.CreateBrowser();
        var owner = (await factory.ItemAsync(await factory.ItemIdAsync(2, 3)))!.Owner!;

        using var byOwner = await client.CallAsync(Get, $"/api/items?owner={Uri.EscapeDataString(owner)}");
        var items = (await byOwner.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(owner, i.GetProperty("owner").GetString()));

        using var sorted = await client.CallAsync(Get, "/api/items?sort=number&dir=desc");
        var numbers = (await sorted.JsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()).ToList();
        Assert.Equal(numbers.OrderDescending(), numbers);

        using var nothing = await client.CallAsync(Get, "/api/items?q=zzzznotthere");
        Assert.Equal(0, (await nothing.JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Reading_an_item_gives_every_field_and_its_etag()
    {
        using var client = factory.CreateBrowser();
        var id = await factory.ItemIdAsync(2, 3);
        var stored = (await factory.ItemAsync(id))!;

        using var response = await client.CallAsync(Get, $"/api/items/{id}");
        var item = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"item-{id}-v{stored.RowVersion}\"", response.ETag());
        Assert.Equal(id, item.GetProperty("id").GetInt32());
        Assert.Equal(2, item.GetProperty("phase").GetInt32());
        Assert.Equal(3, item.GetProperty("number").GetInt32());
        Assert.Equal(stored.Title, item.GetProperty("title").GetString());
        Assert.Equal(stored.StatusLabel, item.GetProperty("status").GetProperty("label").GetString());
        Assert.Equal(stored.Owner, item.GetProperty("owner").GetString());
        Assert.Equal(stored.Plan.Count, item.GetProperty("plan").GetArrayLength());
        Assert.Equal(stored.RowVersion, item.GetProperty("rowVersion").GetInt32());
        Assert.Equal($"http://localhost/items/{id}", item.GetProperty("url").GetString());
        Assert.Equal(stored.Priority is { } p ? $"P{p}" : null, item.GetProperty("priority").GetString());
        Assert.False(item.TryGetProperty("source", out _));
    }

    [Fact]
    public async Task An_unknown_item_is_a_404_problem_with_the_request_id()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.CallAsync(Get, "/api/items/987654");

        var problem = await response.ProblemAsync(404);
        Assert.Equal("There is no item 987654; it may have been deleted.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_lead_creates_an_item_the_export_gains_its_section_and_the_history_says_api()
    {
        var token = await factory.IssueTokenAsync(Roles.Lead);
        using var client = factory.CreateBrowser();
        var before = await factory.ExportAsync(2);

        using var response = await client.CallAsync(Post, "/api/items", new
        {
            phase = 2,
            title = "Search Relevance Tuning",
            status = new { emoji = "❌", label = "Not Started" },
            whyDeferred = (List<string>)["Needs real queries first"],
            plan = (List<object>)[new { text = "Collect queries", subSteps = (List<string>)["From the logs"] }],
            effortHours = 2.5,
            priority = "P1",
            impact = "High",
            owner = "Search Team",
        }, token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await response.JsonAsync();
        var id = item.GetProperty("id").GetInt32();
        Assert.Equal($"/api/items/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"\"item-{id}-v0\"", response.ETag());
        Assert.Equal("P1", item.GetProperty("priority").GetString());
        Assert.Equal("High", item.GetProperty("priorityLabel").GetString());

        var after = await factory.ExportAsync(2);
        Assert.Contains(
            "**Status:** ❌ **Not Started**\n\n**Why Deferred:**\n- Needs real queries first\n\n" +
            "**Plan for Phase 2:**\n1. Collect queries\n   - From the logs\n\n**Estimated Effort:** 2.5 hours\n\n**Priority:** P1 (High)\n\n**Owner:** Search Team\n\n---\n",
            after, StringComparison.Ordinal);
        Assert.All(LineDiff.Changes(before, after).Where(l => l.StartsWith('-')), l => Assert.Contains("Effort", l, StringComparison.Ordinal));
        var history = Assert.Single(await factory.HistoryAsync(id));
        Assert.Equal(HistoryAction.Created, history.Action);
        Assert.Equal("API", history.Via);
    }

    [Fact]
    public async Task An_invalid_item_is_a_validation_problem_keyed_by_the_fields_names()
    {
        var token = await factory.IssueTokenAsync(Roles.Lead);
        using var client = factory.CreateBrowser();
        var count = await factory.ReadAsync(db => db.DeferredItems.CountAsync());

        using var response = await client.CallAsync(Post, "/api/items", new
        {
            title = "",
            effortHours = 2.3,
            priority = "P9",
            impact = "Enormous",
            pullRequest = "javascript:alert(1)",
            completedOn = "someday",
        }, token);

        var problem = await response.ProblemAsync(400);
        Assert.Equal(["completedOn", "effortHours", "impact", "priority", "pullRequest", "title"], problem.ErrorFields());
        Assert.Equal("Give the item a title.", problem.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal(count, await factory.ReadAsync(db => db.DeferredItems.CountAsync()));

        using var noPhase = await client.CallAsync(Post, "/api/items", new { phase = 77, title = "Somewhere" }, token);
        Assert.Equal(["phase"], (await noPhase.ProblemAsync(400)).ErrorFields());
    }

    [Fact]
    public async Task Changing_one_field_changes_only_its_lines_in_the_export_and_shows_in_the_history_via_api()
    {
        var token = await factory.IssueTokenAsync(Roles.Lead);
        using var client = factory.CreateBrowser();
        var id = await factory.ItemIdAsync(2, 3);
        using var read = await client.CallAsync(Get, $"/api/items/{id}");
        var etag = read.ETag();
        var input = Input(await read.JsonAsync(), owner: "Platform Team");
        var before = await factory.ExportAsync(2);
        var stored = (await factory.ItemAsync(id))!;

        using var response = await client.CallAsync(Put, $"/api/items/{id}", input, token, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"item-{id}-v{stored.RowVersion + 1}\"", response.ETag());
        Assert.Equal("Platform Team", (await response.JsonAsync()).GetProperty("owner").GetString());
        // The matrix abbreviates the owner ("Backend"), so only the item's own line changes.
        Assert.Equal([$"-**Owner:** {stored.Owner}", "+**Owner:** Platform Team"], LineDiff.Changes(before, await factory.ExportAsync(2)));
        var entry = Assert.Single(await factory.HistoryAsync(id));
        Assert.Equal("API", entry.Via);

        using var lead = (await factory.CreateSignedInBrowserAsync(Roles.Lead)).Browser;
        var history = await lead.GetPageAsync("/history");
        Assert.Contains("<td>API</td>", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_put_that_changes_nothing_writes_nothing_and_keeps_the_etag()
    {
        var token = await factory.IssueTokenAsync(Roles.Lead);
        using var client = factory.CreateBrowser();
        var id = await factory.ItemIdAsync(2, 1);
        using var read = await client.CallAsync(Get, $"/api/items/{id}");
        var etag = read.ETag();
        var before = await factory.ExportAsync(2);
        var version = await factory.DataVersionAsync();

        using var response = await client.CallAsync(Put, $"/api/items/{id}", Input(await read.JsonAsync()), token, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(etag, response.ETag());
        Assert.Equal(before, await factory.ExportAsync(2));
        Assert.Equal(version, await factory.DataVersionAsync());
        Assert.Empty(await factory.HistoryAsync(id));
    }

    [Fact]
    public async Task An_update_without_if_match_is_428_and_with_a_stale_one_412_before_the_body_is_checked()
    {
        var token = await factory.IssueTokenAsync(Roles.Lead);
        using var client = factory.CreateBrowser();
        var id = await factory.ItemIdAsync(2, 2);
        using var read = await client.CallAsync(Get, $"/api/items/{id}");
        var etag = read.ETag();
        var valid = Input(await read.JsonAsync(), owner: "Someone");
        var invalid = new { title = "", priority = "P9" };

        using var missing = await client.CallAsync(Put, $"/api/items/{id}", invalid, token);
        await missing.ProblemAsync(428);

        using var stale = await client.CallAsync(Put, $"/api/items/{id}", invalid, token, "\"item-" + id + "-v999\"");
        await stale.ProblemAsync(412);
        Assert.Equal(etag, stale.ETag());

        using var broken = await client.CallAsync(Put, $"/api/items/{id}", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"), token, "\"item-" + id + "-v999\"");
        await broken.ProblemAsync(412);

        using var badBody = await client.CallAsync(Put, $"/api/items/{id}", invalid, token, etag);
        Assert.Equal(["priority", "title"], (await badBody.ProblemAsync(400)).ErrorFields());

        using var unknown = await client.CallAsync(Put, "/api/items/987654", valid, token, etag);
        await unknown.ProblemAsync(404);

        Assert.Empty(await factory.HistoryAsync(id));
        using var saved = await client.CallAsync(Put, $"/api/items/{id}", valid, token, etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    [Fact]
    public async Task A_save_that_races_another_is_a_409_and_changes_nothing()
    {
        var race = new LosingRace();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<PhaseTrackerDbContext>(options => options.AddInterceptors(race))));
        var token = await app.IssueTokenAsync(Roles.Lead);
        using var client = app.CreateBrowser();
        var id = await app.ItemIdAsync(2, 5);
        using var read = await client.CallAsync(Get, $"/api/items/{id}");
        var input = Input(await read.JsonAsync(), owner: "Racing Team");
        var stored = (await app.ItemAsync(id))!;

        race.Arm(context => context.Set<PhaseTracker.Domain.DeferredItem>().IgnoreQueryFilters().Where(i => i.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RowVersion, i => i.RowVersion + 1)));
        using var response = await client.CallAsync(Put, $"/api/items/{id}", input, token, read.ETag());

        var problem = await response.ProblemAsync(409);
        Assert.Contains($"GET /api/items/{id}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = (await app.ItemAsync(id))!;
        Assert.Equal(stored.Owner, after.Owner);
        Assert.Equal(stored.RowVersion, after.RowVersion);
    }

    [Fact]
    public async Task Deleting_needs_if_match_then_hides_the_item_and_records_it()
    {
        var token = await factory.IssueTokenAsync(Roles.Lead);
        using var client = factory.CreateBrowser();
        using var created = await client.CallAsync(Post, "/api/items", new { phase = 2, title = "Short-lived" }, token);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();

        using var missing = await client.CallAsync(HttpMethod.Delete, $"/api/items/{id}", token: token);
        await missing.ProblemAsync(428);
        using var stale = await client.CallAsync(HttpMethod.Delete, $"/api/items/{id}", token: token, ifMatch: $"\"item-{id}-v7\"");
        await stale.ProblemAsync(412);

        using var deleted = await client.CallAsync(HttpMethod.Delete, $"/api/items/{id}", token: token, ifMatch: created.ETag());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var gone = await client.CallAsync(Get, $"/api/items/{id}");
        await gone.ProblemAsync(404);
        using var again = await client.CallAsync(HttpMethod.Delete, $"/api/items/{id}", token: token, ifMatch: created.ETag());
        await again.ProblemAsync(404);
        Assert.NotNull((await factory.ItemAsync(id))!.DeletedAtUtc);
        Assert.Equal([HistoryAction.Created, HistoryAction.Deleted], (await factory.HistoryAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Deferring_moves_an_open_item_to_the_next_phase_and_completing_marks_it_done()
    {
        var token = await factory.IssueTokenAsync(Roles.Lead);
        using var client = factory.CreateBrowser();
        using var created = await client.CallAsync(Post, "/api/items", new { phase = 2, title = "Moves along", status = new { emoji = "❌", label = "Not Started" } }, token);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();

        using var noMatch = await client.CallAsync(Post, $"/api/items/{id}/defer", new { reason = "Later" }, token);
        await noMatch.ProblemAsync(428);
        using var noReason = await client.CallAsync(Post, $"/api/items/{id}/defer", new { reason = " " }, token, created.ETag());
        Assert.Equal(["reason"], (await noReason.ProblemAsync(400)).ErrorFields());

        using var deferred = await client.CallAsync(Post, $"/api/items/{id}/defer", new { reason = "Waiting for the search service" }, token, created.ETag());
        Assert.Equal(HttpStatusCode.OK, deferred.StatusCode);
        var moved = await deferred.JsonAsync();
        Assert.Equal(3, moved.GetProperty("phase").GetInt32());
        var deferral = Assert.Single(moved.GetProperty("deferrals").EnumerateArray());
        Assert.Equal(2, deferral.GetProperty("fromPhase").GetInt32());
        Assert.Equal("Waiting for the search service", deferral.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(deferral.GetProperty("date").GetString()));

        var future = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var tooEarly = await client.CallAsync(Post, $"/api/items/{id}/complete", new { completedOn = future }, token, deferred.ETag());
        Assert.Equal(["completedOn"], (await tooEarly.ProblemAsync(400)).ErrorFields());

        using var completed = await client.CallAsync(Post, $"/api/items/{id}/complete", new { pullRequest = "https://github.com/acme/app/pull/42" }, token, deferred.ETag());
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var done = await completed.JsonAsync();
        Assert.True(done.GetProperty("isComplete").GetBoolean());
        Assert.Equal("Complete", done.GetProperty("status").GetProperty("label").GetString());
        Assert.False(string.IsNullOrEmpty(done.GetProperty("completedOn").GetString()));
        Assert.Equal("https://github.com/acme/app/pull/42", done.GetProperty("pullRequest").GetString());

        using var deferDone = await client.CallAsync(Post, $"/api/items/{id}/defer", new { reason = "Again" }, token, completed.ETag());
        Assert.Equal(["reason"], (await deferDone.ProblemAsync(400)).ErrorFields());
        Assert.Equal([HistoryAction.Created, HistoryAction.Deferred, HistoryAction.Completed], (await factory.HistoryAsync(id)).Select(e => e.Action));
        Assert.All(await factory.HistoryAsync(id), e => Assert.Equal("API", e.Via));
    }

    /// <summary>What a GET gave, as a PUT's body, with one owner changed where given.</summary>
    private static Dictionary<string, object?> Input(JsonElement item, string? owner = null)
    {
        var input = new Dictionary<string, object?>();
        foreach (var name in new[] { "title", "file", "status", "whyDeferred", "done", "missing", "plan", "effortHours", "priority", "impact", "owner", "trackingIssue", "completedOn", "pullRequest", "changesToPlan" })
        {
            input[name] = item.GetProperty(name).Clone();
        }

        if (owner is not null)
        {
            input["owner"] = owner;
        }

        return input;
    }
}
