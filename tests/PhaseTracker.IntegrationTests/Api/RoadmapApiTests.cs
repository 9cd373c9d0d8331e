using System.Net;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Roadmap.Editing;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Roadmap;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Api;

/// <summary>A script reads a phase's roadmap and adds, changes and deletes weeks through /api/roadmap with the week form's rules.</summary>
public sealed class RoadmapApiTests
{
    private static readonly string[] KillANode = ["Kill a node"];
    private static readonly int[] GhostItem = [9999];

    private static async Task<(PhaseTrackerFactory Factory, HttpClient Client, string Lead)> StartAsync()
    {
        var factory = new PhaseTrackerFactory();
        return (factory, factory.CreateBrowser(), await factory.TokenAsync(Roles.Lead));
    }

    private static Task<int> WeekIdAsync(PhaseTrackerFactory factory, int number) =>
        factory.QueryAsync(db => db.RoadmapWeeks.Where(w => w.Number == number && db.Phases.Any(p => p.Id == w.PhaseId && p.Number == 2)).Select(w => w.Id).SingleAsync());

    private static Task<int> AnItemAsync(PhaseTrackerFactory factory) =>
        factory.QueryAsync(db => db.DeferredItems.Where(i => db.Phases.Any(p => p.Id == i.PhaseId && p.Number == 2)).OrderBy(i => i.Number).Select(i => i.Number).FirstAsync());

    /// <summary>A week's values as a PUT body, with <paramref name="theme"/> instead of its own when given.</summary>
    private static Dictionary<string, object?> BodyOf(JsonElement week, string? theme = null) => new()
    {
        ["theme"] = theme ?? week.GetProperty("theme").GetString(),
        ["blocks"] = week.GetProperty("blocks"),
    };

    [Fact]
    public async Task The_roadmap_lists_the_phase_s_weeks_with_their_blocks_and_an_unknown_phase_is_a_404_problem()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var roadmap = await client.GetJsonAsync("/api/roadmap?phase=2", lead);

            Assert.Equal(HttpStatusCode.OK, roadmap.Status);
            Assert.Equal(2, roadmap.Body.GetProperty("phase").GetInt32());
            var weeks = roadmap.Body.GetProperty("weeks").EnumerateArray().ToList();
            Assert.Equal(["Critical Infrastructure", "Testing & Refinement"], weeks.Select(w => w.GetProperty("theme").GetString()));
            var block = weeks[0].GetProperty("blocks")[0];
            Assert.Equal((1, 2, "Monitoring Dashboard Implementation"), (block.GetProperty("startDay").GetInt32(), block.GetProperty("endDay").GetInt32(), block.GetProperty("title").GetString()));
            Assert.Equal(4, block.GetProperty("tasks").GetArrayLength());
            Assert.Empty(weeks[0].GetProperty("overlaps").EnumerateArray());
            Assert.Equal(roadmap.Body.GetProperty("weeks").GetRawText(), (await client.GetJsonAsync("/api/roadmap", lead)).Body.GetProperty("weeks").GetRawText());

            (await client.GetJsonAsync("/api/roadmap?phase=99", lead)).AssertProblem(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_week_reads_with_its_etag_and_an_unknown_id_is_a_404_problem()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var id = await WeekIdAsync(factory, 2);
            var week = await client.GetJsonAsync($"/api/roadmap/weeks/{id}", lead);

            Assert.Equal(HttpStatusCode.OK, week.Status);
            Assert.Equal($"\"week-{id}-v{week.Body.GetProperty("rowVersion").GetInt32()}\"", week.ETag);
            Assert.Equal(2, week.Body.GetProperty("number").GetInt32());
            Assert.StartsWith("/roadmap?phase=2&week=2", week.Body.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.False(week.Body.TryGetProperty("source", out _));
            (await client.GetJsonAsync("/api/roadmap/weeks/99999", lead)).AssertProblem(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task An_added_week_takes_the_next_number_warns_of_overlaps_is_exported_and_recorded_via_api()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var item = await AnItemAsync(factory);
            var before = await factory.ExportAsync();

            var created = await client.SendAsync(HttpMethod.Post, "/api/roadmap/weeks", lead, new
            {
                phase = 2,
                theme = "Hardening",
                blocks = new object[]
                {
                    new { startDay = 7, endDay = 8, title = "Chaos drills", tasks = KillANode, itemNumbers = new[] { item } },
                    new { startDay = 8, title = "Runbooks" },
                },
            });

            Assert.Equal(HttpStatusCode.Created, created.Status);
            Assert.Equal(3, created.Body.GetProperty("number").GetInt32());
            var id = created.Body.GetProperty("id").GetInt32();
            Assert.Equal($"/api/roadmap/weeks/{id}", created.Location);
            Assert.Equal([item], created.Body.GetProperty("blocks")[0].GetProperty("itemNumbers").EnumerateArray().Select(n => n.GetInt32()));
            Assert.Equal(8, created.Body.GetProperty("blocks")[1].GetProperty("endDay").GetInt32());
            Assert.Equal(["Day 7-8 overlaps Day 8 in Week 3"], created.Body.GetProperty("overlaps").EnumerateArray().Select(o => o.GetString()));
            var after = await factory.ExportAsync();
            Assert.Contains("### Week 3: Hardening", after, StringComparison.Ordinal);
            Assert.All(LineDiff.Changes(before, after), line => Assert.StartsWith("+", line, StringComparison.Ordinal));
            var entry = Assert.Single(await factory.HistoryAsync(HistoryRecordType.RoadmapWeek, id));
            Assert.Equal((HistoryAction.Created, "API"), (entry.Action, entry.Via));
        }
    }

    [Fact]
    public async Task A_week_breaking_the_form_s_rules_is_a_validation_problem_keyed_by_field()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var answer = await client.SendAsync(HttpMethod.Post, "/api/roadmap/weeks", lead, new
            {
                theme = "",
                blocks = new object[]
                {
                    new { startDay = 5, endDay = 3, title = "Backwards" },
                    new { startDay = 0, title = "Day zero" },
                    new { startDay = 1, title = "Ghost item", itemNumbers = GhostItem },
                },
            });

            Assert.Equal(["Give the week a theme."], answer.Errors("theme"));
            Assert.Equal(["The end day comes before the start day (5)."], answer.Errors("blocks[0].endDay"));
            Assert.Equal(["The start day is a whole number from 1."], answer.Errors("blocks[1].startDay"));
            Assert.Equal(["The phase has no item #9999; link only items of this phase."], answer.Errors("blocks[2].itemNumbers"));
            Assert.Equal(["There is no phase 9."], (await client.SendAsync(HttpMethod.Post, "/api/roadmap/weeks", lead, new { phase = 9, theme = "X" })).Errors("phase"));
            Assert.Equal(2, await factory.QueryAsync(db => db.RoadmapWeeks.CountAsync()));
        }
    }

    [Fact]
    public async Task An_update_needs_if_match_first_and_changes_only_its_lines()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var id = await WeekIdAsync(factory, 1);
            var read = await client.GetJsonAsync($"/api/roadmap/weeks/{id}", lead);
            var before = await factory.ExportAsync();

            (await client.SendAsync(HttpMethod.Put, $"/api/roadmap/weeks/{id}", lead, BodyOf(read.Body, "Core Infrastructure"))).AssertProblem(HttpStatusCode.PreconditionRequired);
            (await client.SendAsync(HttpMethod.Put, $"/api/roadmap/weeks/{id}", lead, new { theme = "" }, $"\"week-{id}-v99\"")).AssertProblem(HttpStatusCode.PreconditionFailed);
            Assert.Equal(["Give the week a theme."], (await client.SendAsync(HttpMethod.Put, $"/api/roadmap/weeks/{id}", lead, new { theme = "" }, read.ETag)).Errors("theme"));
            (await client.SendAsync(HttpMethod.Put, "/api/roadmap/weeks/99999", lead, BodyOf(read.Body), read.ETag)).AssertProblem(HttpStatusCode.NotFound);

            var saved = await client.SendAsync(HttpMethod.Put, $"/api/roadmap/weeks/{id}", lead, BodyOf(read.Body, "Core Infrastructure"), read.ETag);

            Assert.Equal(HttpStatusCode.OK, saved.Status);
            Assert.NotEqual(read.ETag, saved.ETag);
            Assert.Equal(["-### Week 1: Critical Infrastructure", "+### Week 1: Core Infrastructure"], LineDiff.Changes(before, await factory.ExportAsync()));
            var entry = Assert.Single(await factory.HistoryAsync(HistoryRecordType.RoadmapWeek, id));
            Assert.Equal("API", entry.Via);

            var exported = await factory.ExportAsync();
            var again = await client.SendAsync(HttpMethod.Put, $"/api/roadmap/weeks/{id}", lead, BodyOf(saved.Body), saved.ETag);
            Assert.Equal((HttpStatusCode.OK, saved.ETag), (again.Status, again.ETag));
            Assert.Equal(exported, await factory.ExportAsync());
            Assert.Single(await factory.HistoryAsync(HistoryRecordType.RoadmapWeek, id));
        }
    }

    [Fact]
    public async Task A_save_that_loses_the_race_to_another_is_a_conflict_not_an_overwrite()
    {
        using var factory = new PhaseTrackerFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        var editor = scope.ServiceProvider.GetRequiredService<RoadmapEditor>();
        var id = await WeekIdAsync(factory, 2);
        var week = await db.RoadmapWeeks.SingleAsync(w => w.Id == id);
        var read = week.RowVersion;
        await factory.QueryAsync(async other =>
        {
            var theirs = await other.RoadmapWeeks.SingleAsync(w => w.Id == id);
            theirs.Theme = "Theirs";
            theirs.RowVersion++;
            return await other.SaveChangesAsync();
        });

        var result = await editor.UpdateAsync(Actor.Form(new System.Security.Claims.ClaimsPrincipal()), week, read, "Mine", week.Blocks, CancellationToken.None);

        Assert.Equal(EditStatus.Conflict, result.Status);
        Assert.Equal(("Theirs", "Mine"), (result.Record!.Theme, result.Yours!.Theme));
    }

    [Fact]
    public async Task A_deleted_week_leaves_the_export_with_a_history_entry()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var id = await WeekIdAsync(factory, 2);
            var read = await client.GetJsonAsync($"/api/roadmap/weeks/{id}", lead);
            var before = await factory.ExportAsync();
            (await client.SendAsync(HttpMethod.Delete, $"/api/roadmap/weeks/{id}", lead)).AssertProblem(HttpStatusCode.PreconditionRequired);
            (await client.SendAsync(HttpMethod.Delete, $"/api/roadmap/weeks/{id}", lead, ifMatch: $"\"week-{id}-v99\"")).AssertProblem(HttpStatusCode.PreconditionFailed);
            (await client.SendAsync(HttpMethod.Delete, "/api/roadmap/weeks/99999", lead, ifMatch: read.ETag)).AssertProblem(HttpStatusCode.NotFound);

            var deleted = await client.SendAsync(HttpMethod.Delete, $"/api/roadmap/weeks/{id}", lead, ifMatch: read.ETag);

            Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
            (await client.GetJsonAsync($"/api/roadmap/weeks/{id}", lead)).AssertProblem(HttpStatusCode.NotFound);
            var after = await factory.ExportAsync();
            Assert.DoesNotContain("### Week 2: Testing & Refinement", after, StringComparison.Ordinal);
            Assert.All(LineDiff.Changes(before, after), line => Assert.StartsWith("-", line, StringComparison.Ordinal));
            var entry = Assert.Single(await factory.HistoryAsync(HistoryRecordType.RoadmapWeek, id));
            Assert.Equal((HistoryAction.Deleted, "API"), (entry.Action, entry.Via));
        }
    }

    public static TheoryData<string, string> EditRoutes => new()
    {
        { "POST", "/api/roadmap/weeks" },
        { "PUT", "/api/roadmap/weeks/{week}" },
        { "DELETE", "/api/roadmap/weeks/{week}" },
    };

    [Theory]
    [MemberData(nameof(EditRoutes))]
    public async Task Only_a_lead_with_a_writing_token_or_a_cookie_with_its_antiforgery_token_may_edit(string method, string route)
    {
        var (factory, client, _) = await StartAsync();
        using (factory)
        using (client)
        {
            var path = route.Replace("{week}", (await WeekIdAsync(factory, 1)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var viewer = await factory.TokenAsync(Roles.Viewer);
            var readOnly = await factory.TokenAsync(Roles.Lead, readOnly: true);
            var body = new { theme = "Anything" };
            var verb = new HttpMethod(method);

            (await client.SendAsync(verb, path, null, body, "*")).AssertProblem(HttpStatusCode.Unauthorized);
            (await client.SendAsync(verb, path, viewer, body, "*")).AssertProblem(HttpStatusCode.Forbidden);
            (await client.SendAsync(verb, path, readOnly, body, "*")).AssertProblem(HttpStatusCode.Forbidden);
            Assert.False(await factory.QueryAsync(db => db.HistoryEntries.AnyAsync(h => h.Via == "API")));

            var (browser, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
            using (browser)
            {
                Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendAsync(verb, path, null, body, "*")).Status);
                var accepted = await browser.SendAsync(verb, path, null, body, "*", await browser.GetAntiforgeryTokenAsync());
                Assert.True(accepted.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent, $"{method} {path}: {(int)accepted.Status} {accepted.Body}");
            }
        }
    }
}
