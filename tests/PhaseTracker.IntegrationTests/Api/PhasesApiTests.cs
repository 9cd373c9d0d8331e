using System.Net;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.IntegrationTests.Items.Editing;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Api;

/// <summary>A script reads the phases and changes a phase's overview through /api/phases.</summary>
public sealed class PhasesApiTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task The_list_gives_each_phase_with_its_items_and_hours_and_marks_the_current_one()
    {
        using var client = factory.CreateBrowser();
        var (count, hours) = await factory.ReadAsync(async db => (
            await db.DeferredItems.CountAsync(i => i.Phase!.Number == 2),
            await db.DeferredItems.Where(i => i.Phase!.Number == 2).SumAsync(i => i.EffortHours) ?? 0));

        using var response = await client.CallAsync(HttpMethod.Get, "/api/phases");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var two = (await response.JsonAsync()).EnumerateArray().Single(p => p.GetProperty("number").GetInt32() == 2);
        Assert.True(two.GetProperty("isCurrent").GetBoolean());
        Assert.Equal(count, two.GetProperty("itemCount").GetInt32());
        Assert.Equal(hours, two.GetProperty("totalHours").GetDouble());
        Assert.StartsWith("Track work deferred", two.GetProperty("purpose").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(two.GetProperty("timeline").GetString()));
    }

    [Fact]
    public async Task Reading_a_phase_gives_its_etag_and_an_unknown_one_is_404()
    {
        using var client = factory.CreateBrowser();
        var version = await factory.ReadAsync(db => db.Phases.Where(p => p.Number == 2).Select(p => p.RowVersion).SingleAsync());

        using var response = await client.CallAsync(HttpMethod.Get, "/api/phases/2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"phase-2-v{version}\"", response.ETag());

        using var unknown = await client.CallAsync(HttpMethod.Get, "/api/phases/99");
        Assert.Equal("There is no phase 99.", (await unknown.ProblemAsync(404)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Changing_the_timeline_changes_only_its_line_in_the_export_and_is_recorded()
    {
        var token = await factory.IssueTokenAsync(Roles.Lead);
        using var client = factory.CreateBrowser();
        using var read = await client.CallAsync(HttpMethod.Get, "/api/phases/2");
        var phase = await read.JsonAsync();
        var before = await factory.ExportAsync(2);
        var body = new
        {
            title = phase.GetProperty("title").GetString(),
            purpose = phase.GetProperty("purpose").GetString(),
            status = phase.GetProperty("status").GetString(),
            timeline = "Phase 2 estimated 6 developer-days",
        };

        using var missing = await client.CallAsync(HttpMethod.Put, "/api/phases/2", body, token);
        await missing.ProblemAsync(428);
        using var stale = await client.CallAsync(HttpMethod.Put, "/api/phases/2", new { title = "" }, token, "\"phase-2-v999\"");
        await stale.ProblemAsync(412);
        using var invalid = await client.CallAsync(HttpMethod.Put, "/api/phases/2", new { title = " " }, token, read.ETag());
        Assert.Equal(["title"], (await invalid.ProblemAsync(400)).ErrorFields());
        using var unknown = await client.CallAsync(HttpMethod.Put, "/api/phases/99", body, token, read.ETag());
        await unknown.ProblemAsync(404);

        using var saved = await client.CallAsync(HttpMethod.Put, "/api/phases/2", body, token, read.ETag());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal($"\"phase-2-v{phase.GetProperty("rowVersion").GetInt32() + 1}\"", saved.ETag());
        var changes = LineDiff.Changes(before, await factory.ExportAsync(2));
        Assert.Equal(2, changes.Count);
        Assert.StartsWith("-**Timeline:**", changes[0], StringComparison.Ordinal);
        Assert.Equal("+**Timeline:** Phase 2 estimated 6 developer-days", changes[1]);
        var entry = await factory.ReadAsync(db => db.HistoryEntries.Where(e => e.RecordType == HistoryRecordType.Phase && e.Via == "API").SingleAsync());
        Assert.Equal(HistoryAction.Changed, entry.Action);

        // The same overview again changes nothing.
        var version = await factory.DataVersionAsync();
        using var again = await client.CallAsync(HttpMethod.Put, "/api/phases/2", body, token, saved.ETag());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(saved.ETag(), again.ETag());
        Assert.Equal(version, await factory.DataVersionAsync());
    }

    [Fact]
    public async Task A_new_phase_is_created_empty_and_deleted_while_a_phase_with_items_is_kept()
    {
        var token = await factory.IssueTokenAsync(Roles.Lead);
        using var client = factory.CreateBrowser();

        using var created = await client.CallAsync(HttpMethod.Post, "/api/phases", new { number = 7, purpose = "Later work." }, token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/phases/7", created.Headers.Location?.OriginalString);
        var phase = await created.JsonAsync();
        Assert.Equal("Phase 7 Tracking — Deferred Items", phase.GetProperty("title").GetString());
        Assert.Equal(0, phase.GetProperty("itemCount").GetInt32());

        using var twice = await client.CallAsync(HttpMethod.Post, "/api/phases", new { number = 7 }, token);
        Assert.Equal("Phase 7 already exists; pick another number.", (await twice.ProblemAsync(400)).GetProperty("errors").GetProperty("number")[0].GetString());
        using var noNumber = await client.CallAsync(HttpMethod.Post, "/api/phases", new { title = "Nameless" }, token);
        Assert.Equal(["number"], (await noNumber.ProblemAsync(400)).ErrorFields());

        using var full = await client.CallAsync(HttpMethod.Get, "/api/phases/2");
        using var refused = await client.CallAsync(HttpMethod.Delete, "/api/phases/2", token: token, ifMatch: full.ETag());
        Assert.StartsWith("Phase 2 still has ", (await refused.ProblemAsync(409)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var missing = await client.CallAsync(HttpMethod.Delete, "/api/phases/7", token: token);
        await missing.ProblemAsync(428);
        using var deleted = await client.CallAsync(HttpMethod.Delete, "/api/phases/7", token: token, ifMatch: created.ETag());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.CallAsync(HttpMethod.Get, "/api/phases/7");
        await gone.ProblemAsync(404);
        var actions = await factory.ReadAsync(db => db.HistoryEntries.Where(e => e.RecordType == HistoryRecordType.Phase && e.PhaseNumber == 7).Select(e => e.Action).ToListAsync());
        Assert.Equal([HistoryAction.Created, HistoryAction.Deleted], actions);
    }
}
