using System.Net;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.IntegrationTests.Items.Editing;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Api;

/// <summary>
/// A value the document writes on one line cannot take a line break through the API: written into the
/// document, "Backend\n## Notes" would start a new section and swallow the items after it on the next
/// import. Each is refused with the field named, and the database and the export stay as they were.
/// </summary>
public sealed class LineBreakApiTests : IDisposable
{
    private static readonly string[] BrokenReason = ["Blocked\n- by the cluster"];
    private static readonly string[] BrokenContext = ["Releases are risky\n## Consequences"];
    private static readonly string[] Decision = ["Use feature flags"];
    private static readonly string[] BrokenTasks = ["Kill a node\n### Week 9: Oops"];

    private readonly PhaseTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, object?> ItemBody(JsonElement item)
    {
        var body = new Dictionary<string, object?>();
        foreach (var name in new[] { "title", "file", "status", "whyDeferred", "done", "missing", "plan", "effortHours", "priority", "impact", "owner", "trackingIssue", "completedOn", "pullRequest", "changesToPlan" })
        {
            body[name] = item.GetProperty(name).Clone();
        }

        return body;
    }

    public static TheoryData<string, object, string> ItemValues() => new()
    {
        { "owner", "Backend\n## Notes", "owner" },
        { "title", "Load Testing\r\nSuite", "title" },
        { "whyDeferred", BrokenReason, "whyDeferred" },
        { "plan", new[] { new { text = "Write the script\n## Done", subSteps = Array.Empty<string>() } }, "plan" },
    };

    [Theory]
    [MemberData(nameof(ItemValues))]
    public async Task An_item_value_with_a_line_break_is_refused_and_changes_nothing(string field, object value, string errorField)
    {
        var token = await _factory.IssueTokenAsync(Roles.Lead);
        using var client = _factory.CreateBrowser();
        var id = await _factory.ItemIdAsync(2, 3);
        using var read = await client.CallAsync(HttpMethod.Get, $"/api/items/{id}");
        var body = ItemBody(await read.JsonAsync());
        body[field] = value;
        var before = await _factory.ExportAsync();

        using var response = await client.CallAsync(HttpMethod.Put, $"/api/items/{id}", body, token, read.ETag());

        var problem = await response.ProblemAsync(400);
        Assert.Equal([errorField], problem.ErrorFields());
        Assert.Contains("one line", problem.GetProperty("errors").GetProperty(errorField)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _factory.ExportAsync());
    }

    [Fact]
    public async Task A_line_break_the_item_already_holds_does_not_block_an_edit_of_another_field()
    {
        // A document may wrap a long entry onto a second line; it reads back as the same entry.
        var id = await _factory.ItemIdAsync(2, 3);
        await _factory.ReadAsync(db => db.DeferredItems.Where(i => i.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.WhyDeferred, new List<string> { "Needs the staging cluster,\nwhich is not there yet" })));
        var token = await _factory.IssueTokenAsync(Roles.Lead);
        using var client = _factory.CreateBrowser();
        using var read = await client.CallAsync(HttpMethod.Get, $"/api/items/{id}");
        var body = ItemBody(await read.JsonAsync());
        body["owner"] = "Platform Team";

        using var saved = await client.CallAsync(HttpMethod.Put, $"/api/items/{id}", body, token, read.ETag());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Platform Team", (await _factory.ItemAsync(id))!.Owner);
    }

    [Fact]
    public async Task A_deferral_reason_an_adr_a_week_and_a_phase_overview_refuse_line_breaks_too()
    {
        var token = await _factory.IssueTokenAsync(Roles.Lead);
        using var client = _factory.CreateBrowser();
        var before = await _factory.ExportAsync();

        var id = await _factory.ItemIdAsync(2, 3);
        using var item = await client.CallAsync(HttpMethod.Get, $"/api/items/{id}");
        using var defer = await client.CallAsync(HttpMethod.Post, $"/api/items/{id}/defer", new { reason = "Blocked\n## by the cluster" }, token, item.ETag());
        Assert.Equal(["reason"], (await defer.ProblemAsync(400)).ErrorFields());

        using var adr = await client.CallAsync(HttpMethod.Post, "/api/adrs", new
        {
            title = "Feature Flags",
            context = BrokenContext,
            decision = Decision,
        }, token);
        Assert.Equal(["context"], (await adr.ProblemAsync(400)).ErrorFields());

        using var week = await client.CallAsync(HttpMethod.Post, "/api/roadmap/weeks", new
        {
            phase = 2,
            theme = "Hardening",
            blocks = new object[] { new { startDay = 7, endDay = 8, title = "Chaos drills", tasks = BrokenTasks } },
        }, token);
        Assert.Equal(["blocks[0].tasks"], (await week.ProblemAsync(400)).ErrorFields());

        using var phase = await client.CallAsync(HttpMethod.Get, "/api/phases/2");
        var overview = await phase.JsonAsync();
        using var put = await client.CallAsync(HttpMethod.Put, "/api/phases/2", new
        {
            title = overview.GetProperty("title").GetString(),
            purpose = overview.GetProperty("purpose").GetString(),
            status = "Planning\n## Deferred Items from Phase 1",
            timeline = overview.GetProperty("timeline").GetString(),
        }, token, phase.ETag());
        Assert.Equal(["status"], (await put.ProblemAsync(400)).ErrorFields());

        Assert.Equal(before, await _factory.ExportAsync());
    }
}
