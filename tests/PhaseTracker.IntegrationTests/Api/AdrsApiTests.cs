using System.Net;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Roadmap.Editing;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Adrs;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Roadmap;
using PhaseTracker.Web.Features.Settings;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Api;

/// <summary>A script reads and edits the decision records through /api/adrs with the forms' rules, ETags and ProblemDetails.</summary>
public sealed class AdrsApiTests
{
    private static async Task<(PhaseTrackerFactory Factory, HttpClient Client, string Lead)> StartAsync()
    {
        var factory = new PhaseTrackerFactory();
        return (factory, factory.CreateBrowser(), await factory.TokenAsync(Roles.Lead));
    }

    private static object NewRecord(string title = "Feature Flags") => new
    {
        title,
        context = new[] { "Releases are risky" },
        decision = new[] { "Use feature flags" },
        consequences = new object[] { new { positive = true, text = "Safer releases" }, new { positive = false, text = "More branches in code" } },
        alternatives = new object[] { new { option = "Release trains", verdict = "Rejected", reason = "Too slow" } },
    };

    /// <summary>The record's values as a PUT body, with <paramref name="title"/> instead of its own when given.</summary>
    private static Dictionary<string, object?> BodyOf(JsonElement dto, string? title = null) => new()
    {
        ["title"] = title ?? dto.GetProperty("title").GetString(),
        ["date"] = dto.GetProperty("date").GetString(),
        ["context"] = dto.GetProperty("context"),
        ["decision"] = dto.GetProperty("decision"),
        ["consequences"] = dto.GetProperty("consequences"),
        ["alternatives"] = dto.GetProperty("alternatives"),
    };

    [Fact]
    public async Task The_list_is_paged_filtered_by_status_and_phase_and_takes_up_to_1000_a_page()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var all = await client.GetJsonAsync("/api/adrs", lead);
            Assert.Equal(HttpStatusCode.OK, all.Status);
            Assert.Equal(4, all.Body.GetProperty("total").GetInt32());
            Assert.Equal([1, 2, 3, 4], all.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()));

            var second = await client.GetJsonAsync("/api/adrs?page=2&pageSize=3", lead);
            Assert.Equal([4], second.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()));
            Assert.Equal((2, 3, 4, 2), (second.Body.GetProperty("page").GetInt32(), second.Body.GetProperty("pageSize").GetInt32(),
                second.Body.GetProperty("total").GetInt32(), second.Body.GetProperty("pageCount").GetInt32()));

            Assert.Equal(1000, (await client.GetJsonAsync("/api/adrs?pageSize=5000", lead)).Body.GetProperty("pageSize").GetInt32());
            Assert.Equal(4, (await client.GetJsonAsync("/api/adrs?status=accepted&phase=2", lead)).Body.GetProperty("total").GetInt32());
            Assert.Equal(0, (await client.GetJsonAsync("/api/adrs?status=Proposed", lead)).Body.GetProperty("total").GetInt32());
            (await client.GetJsonAsync("/api/adrs?phase=99", lead)).AssertProblem(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_record_reads_as_a_dto_with_its_etag_and_an_unknown_number_is_a_404_problem()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var adr = await client.GetJsonAsync("/api/adrs/3", lead);
            Assert.Equal(HttpStatusCode.OK, adr.Status);
            var rowVersion = adr.Body.GetProperty("rowVersion").GetInt32();
            Assert.Equal($"\"adr-3-v{rowVersion}\"", adr.ETag);
            Assert.Equal("Exponential Backoff for Retries", adr.Body.GetProperty("title").GetString());
            Assert.Equal("Accepted ✅", adr.Body.GetProperty("status").GetString());
            Assert.Equal(2, adr.Body.GetProperty("phase").GetInt32());
            Assert.Equal("/adrs/3", adr.Body.GetProperty("url").GetString());
            Assert.NotEmpty(adr.Body.GetProperty("consequences").EnumerateArray());
            Assert.True(adr.Body.GetProperty("consequences")[0].GetProperty("positive").GetBoolean());
            Assert.False(adr.Body.TryGetProperty("source", out _));

            Assert.Equal("There is no ADR-042.", (await client.GetJsonAsync("/api/adrs/42", lead)).AssertProblem(HttpStatusCode.NotFound).Detail);
        }
    }

    [Fact]
    public async Task A_created_record_is_proposed_dated_like_the_document_exported_and_recorded_as_an_api_change()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var before = await factory.ExportAsync();

            var created = await client.SendAsync(HttpMethod.Post, "/api/adrs", lead, NewRecord());

            Assert.Equal(HttpStatusCode.Created, created.Status);
            Assert.Equal("/api/adrs/5", created.Location);
            Assert.Equal($"\"adr-5-v{created.Body.GetProperty("rowVersion").GetInt32()}\"", created.ETag);
            Assert.Equal("Proposed", created.Body.GetProperty("status").GetString());
            Assert.Matches(@"^[A-Z][a-z]+ \d{1,2}, \d{4}$", created.Body.GetProperty("date").GetString());
            Assert.Equal("⚠️", created.Body.GetProperty("consequences")[1].GetProperty("mark").GetString());
            var after = await factory.ExportAsync();
            Assert.Contains("### ADR-005: Feature Flags\n", after, StringComparison.Ordinal);
            Assert.All(LineDiff.Changes(before, after), line => Assert.StartsWith("+", line, StringComparison.Ordinal));
            var id = await factory.QueryAsync(db => db.DecisionRecords.Where(d => d.Number == 5).Select(d => d.Id).SingleAsync());
            var entry = Assert.Single(await factory.HistoryAsync(HistoryRecordType.DecisionRecord, id));
            Assert.Equal((HistoryAction.Created, "API"), (entry.Action, entry.Via));
        }
    }

    [Fact]
    public async Task A_record_without_a_title_is_a_validation_problem_keyed_by_field_with_the_form_s_message()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var answer = await client.SendAsync(HttpMethod.Post, "/api/adrs", lead, new
            {
                title = " ",
                consequences = new[] { new { positive = true, text = new string('x', 1001) } },
            });

            Assert.Equal(["Give the decision record a title."], answer.Errors("title"));
            Assert.Equal(["Keep a consequence to 1000 characters."], answer.Errors("consequences[0].text"));
            Assert.Equal(["There is no phase 9."], (await client.SendAsync(HttpMethod.Post, "/api/adrs", lead, new { phase = 9, title = "X" })).Errors("phase"));
            Assert.False(await factory.QueryAsync(db => db.DecisionRecords.AnyAsync(d => d.Number == 5)));
        }
    }

    [Fact]
    public async Task An_update_needs_if_match_first_changes_only_its_lines_and_shows_in_history_via_api()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var (browser, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
            using var history = browser;
            var read = await client.GetJsonAsync("/api/adrs/3", lead);
            var before = await factory.ExportAsync();

            (await client.SendAsync(HttpMethod.Put, "/api/adrs/3", lead, BodyOf(read.Body, "Exponential Backoff with Jitter"))).AssertProblem(HttpStatusCode.PreconditionRequired);
            // A stale ETag is answered before the (invalid) body is looked at.
            var stale = await client.SendAsync(HttpMethod.Put, "/api/adrs/3", lead, new { title = "" }, "\"adr-3-v999\"");
            stale.AssertProblem(HttpStatusCode.PreconditionFailed);
            Assert.Equal(read.ETag, stale.ETag);
            Assert.Equal(["Give the decision record a title."], (await client.SendAsync(HttpMethod.Put, "/api/adrs/3", lead, new { title = "" }, read.ETag)).Errors("title"));
            (await client.SendAsync(HttpMethod.Put, "/api/adrs/42", lead, BodyOf(read.Body), read.ETag)).AssertProblem(HttpStatusCode.NotFound);
            Assert.Equal(before, await factory.ExportAsync());

            var saved = await client.SendAsync(HttpMethod.Put, "/api/adrs/3", lead, BodyOf(read.Body, "Exponential Backoff with Jitter"), read.ETag);

            Assert.Equal(HttpStatusCode.OK, saved.Status);
            Assert.NotEqual(read.ETag, saved.ETag);
            Assert.Equal("Exponential Backoff with Jitter", saved.Body.GetProperty("title").GetString());
            Assert.Equal(["-### ADR-003: Exponential Backoff for Retries", "+### ADR-003: Exponential Backoff with Jitter"], LineDiff.Changes(before, await factory.ExportAsync()));
            var id = await factory.QueryAsync(db => db.DecisionRecords.Where(d => d.Number == 3).Select(d => d.Id).SingleAsync());
            var entry = Assert.Single(await factory.HistoryAsync(HistoryRecordType.DecisionRecord, id));
            Assert.Equal("API", entry.Via);
            Assert.Equal("Title", Assert.Single(entry.Changes).Field);
            Assert.Contains("<td>API</td>", await browser.GetStringAsync(new Uri("/history", UriKind.Relative)), StringComparison.Ordinal);

            // The same values again change nothing: no new version, no history, the same export.
            var exported = await factory.ExportAsync();
            var again = await client.SendAsync(HttpMethod.Put, "/api/adrs/3", lead, BodyOf(saved.Body), saved.ETag);
            Assert.Equal((HttpStatusCode.OK, saved.ETag), (again.Status, again.ETag));
            Assert.Equal(exported, await factory.ExportAsync());
            Assert.Single(await factory.HistoryAsync(HistoryRecordType.DecisionRecord, id));
        }
    }

    [Fact]
    public async Task A_save_that_loses_the_race_to_another_is_a_conflict_not_an_overwrite()
    {
        using var factory = new PhaseTrackerFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        var editor = scope.ServiceProvider.GetRequiredService<DecisionRecordEditor>();
        var record = await db.DecisionRecords.SingleAsync(d => d.Number == 2);
        var read = record.RowVersion;

        // Someone else saves between our read and our write.
        await factory.QueryAsync(async other =>
        {
            var theirs = await other.DecisionRecords.SingleAsync(d => d.Number == 2);
            theirs.Title = "Theirs";
            theirs.RowVersion++;
            return await other.SaveChangesAsync();
        });

        var result = await editor.UpdateAsync(Actor.Form(new System.Security.Claims.ClaimsPrincipal()), record, read, r => r.Title = "Mine", CancellationToken.None);

        Assert.Equal(EditStatus.Conflict, result.Status);
        Assert.Equal("Theirs", result.Record!.Title);
        Assert.Equal("Mine", result.Yours!.Title);
        Assert.Equal("Theirs", await factory.QueryAsync(d => d.DecisionRecords.Where(r => r.Number == 2).Select(r => r.Title).SingleAsync()));
    }

    [Fact]
    public async Task The_lifecycle_moves_through_the_api_and_a_refused_move_is_a_409_with_the_form_s_sentence()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var created = await client.SendAsync(HttpMethod.Post, "/api/adrs", lead, NewRecord());
            (await client.SendAsync(HttpMethod.Post, "/api/adrs/5/status", lead, new { to = "Accepted" })).AssertProblem(HttpStatusCode.PreconditionRequired);
            (await client.SendAsync(HttpMethod.Post, "/api/adrs/5/status", lead, new { to = "Accepted" }, "\"adr-5-v77\"")).AssertProblem(HttpStatusCode.PreconditionFailed);
            (await client.SendAsync(HttpMethod.Post, "/api/adrs/42/status", lead, new { to = "Accepted" }, created.ETag)).AssertProblem(HttpStatusCode.NotFound);
            Assert.Equal(
                ["ADR-005 cannot move to \"Maybe\"; a record can be accepted, rejected, deprecated or superseded."],
                (await client.SendAsync(HttpMethod.Post, "/api/adrs/5/status", lead, new { to = "Maybe" }, created.ETag)).Errors("to"));
            var before = await factory.ExportAsync();

            var accepted = await client.SendAsync(HttpMethod.Post, "/api/adrs/5/status", lead, new { to = "Accepted" }, created.ETag);

            Assert.Equal(HttpStatusCode.OK, accepted.Status);
            Assert.Equal("Accepted ✅", accepted.Body.GetProperty("status").GetString());
            Assert.Equal(["-**Status:** Proposed", "+**Status:** Accepted ✅"], LineDiff.Changes(before, await factory.ExportAsync()));
            var again = await client.SendAsync(HttpMethod.Post, "/api/adrs/5/status", lead, new { to = "Accepted" }, accepted.ETag);
            Assert.Equal("ADR-005 is accepted; only a proposed record can be accepted.", again.AssertProblem(HttpStatusCode.Conflict).Detail);

            var one = await client.GetJsonAsync("/api/adrs/1", lead);
            Assert.Equal(
                ["Choose the decision record that supersedes ADR-001: another record that exists."],
                (await client.SendAsync(HttpMethod.Post, "/api/adrs/1/status", lead, new { to = "Superseded", by = 42 }, one.ETag)).Errors("by"));
            var superseded = await client.SendAsync(HttpMethod.Post, "/api/adrs/1/status", lead, new { to = "Superseded", by = 5 }, one.ETag);
            Assert.Equal(HttpStatusCode.OK, superseded.Status);
            Assert.Equal(("Superseded by ADR-005", 5), (superseded.Body.GetProperty("status").GetString(), superseded.Body.GetProperty("supersededBy").GetInt32()));
            Assert.Equal(1, (await client.GetJsonAsync("/api/adrs/5", lead)).Body.GetProperty("supersedes").GetInt32());
        }
    }

    [Fact]
    public async Task A_deleted_record_leaves_the_export_and_the_history_keeps_its_number_taken()
    {
        var (factory, client, lead) = await StartAsync();
        using (factory)
        using (client)
        {
            var created = await client.SendAsync(HttpMethod.Post, "/api/adrs", lead, NewRecord());
            var withFive = await factory.ExportAsync();
            (await client.SendAsync(HttpMethod.Delete, "/api/adrs/5", lead)).AssertProblem(HttpStatusCode.PreconditionRequired);
            (await client.SendAsync(HttpMethod.Delete, "/api/adrs/5", lead, ifMatch: "\"adr-5-v9\"")).AssertProblem(HttpStatusCode.PreconditionFailed);
            (await client.SendAsync(HttpMethod.Delete, "/api/adrs/42", lead, ifMatch: created.ETag)).AssertProblem(HttpStatusCode.NotFound);

            // A record another one names in a supersession stays, so no link points at nothing.
            var accepted = await client.SendAsync(HttpMethod.Post, "/api/adrs/5/status", lead, new { to = "Accepted" }, created.ETag);
            var four = await client.GetJsonAsync("/api/adrs/4", lead);
            var superseded = await client.SendAsync(HttpMethod.Post, "/api/adrs/4/status", lead, new { to = "Superseded", by = 5 }, four.ETag);
            Assert.Equal(HttpStatusCode.OK, superseded.Status);
            var linked = await client.SendAsync(HttpMethod.Delete, "/api/adrs/4", lead, ifMatch: superseded.ETag);
            Assert.Contains("names ADR-004 in a supersession", linked.AssertProblem(HttpStatusCode.Conflict).Detail, StringComparison.Ordinal);

            var six = await client.SendAsync(HttpMethod.Post, "/api/adrs", lead, NewRecord("Short Lived"));
            var id = await factory.QueryAsync(db => db.DecisionRecords.Where(d => d.Number == 6).Select(d => d.Id).SingleAsync());
            var beforeDelete = await factory.ExportAsync();
            var deleted = await client.SendAsync(HttpMethod.Delete, "/api/adrs/6", lead, ifMatch: six.ETag);

            Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
            (await client.GetJsonAsync("/api/adrs/6", lead)).AssertProblem(HttpStatusCode.NotFound);
            Assert.DoesNotContain("ADR-006", await factory.ExportAsync(), StringComparison.Ordinal);
            Assert.All(LineDiff.Changes(beforeDelete, await factory.ExportAsync()), line => Assert.StartsWith("-", line, StringComparison.Ordinal));
            var entry = (await factory.HistoryAsync(HistoryRecordType.DecisionRecord, id))[^1];
            Assert.Equal((HistoryAction.Deleted, "API"), (entry.Action, entry.Via));
            // A soft delete: the row stays, so the history page can restore it.
            Assert.NotNull(await factory.QueryAsync(db => db.DecisionRecords.IgnoreQueryFilters().Where(d => d.Id == id).Select(d => d.DeletedAtUtc).SingleAsync()));
            Assert.Equal("/api/adrs/7", (await client.SendAsync(HttpMethod.Post, "/api/adrs", lead, NewRecord("Next"))).Location);
            Assert.NotEqual(withFive, await factory.ExportAsync());
            Assert.Equal(HttpStatusCode.OK, accepted.Status);
        }
    }

    public static TheoryData<string, string> EditRoutes => new()
    {
        { "POST", "/api/adrs" },
        { "PUT", "/api/adrs/1" },
        { "POST", "/api/adrs/1/status" },
        { "DELETE", "/api/adrs/1" },
    };

    [Theory]
    [MemberData(nameof(EditRoutes))]
    public async Task Only_a_lead_with_a_writing_token_or_a_cookie_with_its_antiforgery_token_may_edit(string method, string path)
    {
        var (factory, client, _) = await StartAsync();
        using (factory)
        using (client)
        {
            var viewer = await factory.TokenAsync(Roles.Viewer);
            var readOnly = await factory.TokenAsync(Roles.Lead, readOnly: true);
            var body = new { title = "X", to = "Deprecated" };
            var verb = new HttpMethod(method);

            (await client.SendAsync(verb, path, null, body, "*")).AssertProblem(HttpStatusCode.Unauthorized);
            (await client.SendAsync(verb, path, viewer, body, "*")).AssertProblem(HttpStatusCode.Forbidden);
            (await client.SendAsync(verb, path, readOnly, body, "*")).AssertProblem(HttpStatusCode.Forbidden);
            Assert.False(await factory.QueryAsync(db => db.HistoryEntries.AnyAsync(h => h.Via == "API")));

            var (browser, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
            using (browser)
            {
                var refused = await browser.SendAsync(verb, path, null, body, "*");
                Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
                var accepted = await browser.SendAsync(verb, path, null, body, "*", await browser.GetAntiforgeryTokenAsync());
                Assert.True(accepted.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent, $"{method} {path}: {(int)accepted.Status} {accepted.Body}");
            }
        }
    }
}
