using System.Globalization;
using System.Net;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Items.Editing;

/// <summary>Delete and restore, defer to the next phase, mark complete: through the forms, as a lead.</summary>
public sealed class ItemLifecycleTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    /// <summary>Today as the seed document writes its dates (the workspace's time zone is UTC by default).</summary>
    private static string Today => DateTime.UtcNow.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    private async Task<HttpClient> LeadAsync() => (await factory.CreateSignedInBrowserAsync(Roles.Lead)).Browser;

    [Fact]
    public async Task A_deleted_item_leaves_the_pages_and_the_export_and_restoring_it_brings_back_the_same_document()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 1);
        var before = await factory.ExportAsync();
        Assert.Contains("Delete item 1: studio-settings-form.tsx Cleanup?", WebUtility.HtmlDecode(await lead.GetPageAsync($"/items/{id}/delete")), StringComparison.Ordinal);

        using var deleted = await lead.SubmitAsync($"/items/{id}/delete", $"/items/{id}/delete", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal($"/items?phase=2&deleted={id}", deleted.RedirectPath());
        var list = await lead.GetPageAsync(deleted.RedirectPath()!);
        Assert.Contains($"action=\"/items/{id}/restore\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/items/{id}\"", list, StringComparison.Ordinal);
        using (var gone = await lead.GetAsync(new Uri($"/items/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        var exported = await factory.ExportAsync();
        Assert.DoesNotContain("### 1. studio-settings-form.tsx Cleanup", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("| studio-settings-form |", exported, StringComparison.Ordinal);
        Assert.NotNull((await factory.ItemAsync(id))!.DeletedAtUtc);

        using var restored = await lead.SubmitAsync(deleted.RedirectPath()!, $"/items/{id}/restore", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.StartsWith($"/items/{id}", restored.RedirectPath(), StringComparison.Ordinal);
        await lead.GetPageAsync($"/items/{id}");
        Assert.Equal(before, await factory.ExportAsync());
        Assert.Equal([HistoryAction.Deleted, HistoryAction.Restored], (await factory.HistoryAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_new_item_never_takes_the_number_of_a_deleted_one()
    {
        using var lead = await LeadAsync();
        using var created = await lead.SubmitAsync("/items/new?phase=2", "/items/new?phase=2", form => form.With("Title", "Short-lived"));
        var id = int.Parse(created.RedirectPath()!.Split('/', '?')[2], CultureInfo.InvariantCulture);
        var number = (await factory.ItemAsync(id))!.Number;
        using var deleted = await lead.SubmitAsync($"/items/{id}/delete", $"/items/{id}/delete", _ => { });

        using var again = await lead.SubmitAsync("/items/new?phase=2", "/items/new?phase=2", form => form.With("Title", "Next one"));

        var next = int.Parse(again.RedirectPath()!.Split('/', '?')[2], CultureInfo.InvariantCulture);
        Assert.Equal(number + 1, (await factory.ItemAsync(next))!.Number);
    }

    [Fact]
    public async Task Deferring_moves_the_item_to_a_new_next_phase_with_its_reason_and_date()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 4);

        using var missing = await lead.SubmitAsync($"/items/{id}/defer", $"/items/{id}/defer", form => form.With("Reason", ""));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Give the reason the item moves to the next phase.", await missing.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await factory.ItemAsync(id))!.Phase!.Number);

        using var deferred = await lead.SubmitAsync($"/items/{id}/defer", $"/items/{id}/defer", form => form.With("Reason", "Waiting for the staging cluster"));

        Assert.Equal(HttpStatusCode.Redirect, deferred.StatusCode);
        var item = (await factory.ItemAsync(id))!;
        Assert.Equal(3, item.Phase!.Number);
        Assert.Equal("Phase 3 Tracking — Deferred Items", item.Phase.Title);
        Assert.Equal("Track work deferred from Phase 2 to Phase 3.", item.Phase.Purpose);
        Assert.Equal(1, item.Number);
        Assert.Equal($"Deferred from Phase 2 to Phase 3 on {Today}: Waiting for the staging cluster", item.WhyDeferred[^1]);
        Assert.Equal(new PhaseTracker.Domain.Deferral(2, 3, "Waiting for the staging cluster", Today), Assert.Single(item.Deferrals));
        Assert.Equal("", item.Source);
        Assert.False(await factory.ReadAsync(db => db.MatrixRows.AnyAsync(r => r.PhaseId != item.PhaseId && r.Label == "E2E Tests")));

        var phase2 = await factory.ExportAsync(2);
        Assert.DoesNotContain("Frontend Integration Tests", phase2, StringComparison.Ordinal);
        Assert.DoesNotContain("| E2E Tests |", phase2, StringComparison.Ordinal);
        Assert.DoesNotContain("Frontend Integration Tests", await lead.GetPageAsync("/items?phase=2"), StringComparison.Ordinal);
        var phase3 = await factory.ExportAsync(3);
        Assert.StartsWith("# Phase 3 Tracking — Deferred Items\n", phase3, StringComparison.Ordinal);
        Assert.Contains("### 1. Frontend Integration Tests\n", phase3, StringComparison.Ordinal);
        Assert.Contains($"- Deferred from Phase 2 to Phase 3 on {Today}: Waiting for the staging cluster\n", phase3, StringComparison.Ordinal);
        Assert.Contains("| Frontend Integration Tests | P1 |", phase3, StringComparison.Ordinal);

        // Once more, from phase 3 to phase 4: the item page shows the whole path.
        using var again = await lead.SubmitAsync($"/items/{id}/defer", $"/items/{id}/defer", form => form.With("Reason", "Still no cluster"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var page = WebUtility.HtmlDecode(await lead.GetPageAsync($"/items/{id}?done=deferred"));
        Assert.Contains("Phase 2 → Phase 3 → Phase 4", page, StringComparison.Ordinal);
        Assert.Contains($"Phase 2 → Phase 3 on {Today}: Waiting for the staging cluster", page, StringComparison.Ordinal);
        Assert.Contains($"Phase 3 → Phase 4 on {Today}: Still no cluster", page, StringComparison.Ordinal);
        Assert.Contains("Item deferred to the next phase.", page, StringComparison.Ordinal);
        Assert.Equal([HistoryAction.Deferred, HistoryAction.Deferred], (await factory.HistoryAsync(id)).Select(e => e.Action));

        // Phase 4 was made by the deferral, its overview unfinished: the page points the lead to its form.
        Assert.Contains("Phase 4's overview has no status or timeline yet: <a href=\"/phases/4/edit\">fill in its overview</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("new-phase-hint", await lead.GetPageAsync($"/items/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_an_item_writes_the_status_date_pull_request_and_changes_to_plan()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 3);
        var before = await factory.ExportAsync(2);
        var (action, fields) = await lead.ReadFormAsync($"/items/{id}/complete", $"/items/{id}/complete");
        Assert.Equal(Today, fields.Value("CompletedOn"));

        using var listed = await lead.PostAsync(action, fields.Append(new("listAction", "ChangesToPlan:add")));
        var withEntry = ItemForms.Fields(await listed.Content.ReadAsStringAsync(), action)
            .With("ChangesToPlan[0]", "Used k6 instead of Locust")
            .With("PullRequest", "https://github.com/acme/app/pull/99");
        using var completed = await lead.PostAsync(action, withEntry);

        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        var after = await factory.ExportAsync(2);
        Assert.Contains("**Status:** ✅ **Complete**\n", after, StringComparison.Ordinal);
        Assert.Contains(
            $"**Completed:** {Today}\n\n**PR:** https://github.com/acme/app/pull/99\n\n**Changes to Plan:**\n- Used k6 instead of Locust\n\n---\n",
            after, StringComparison.Ordinal);
        Assert.All(LineDiff.Changes(before, after), line => Assert.True(
            line.StartsWith('+') || line.Contains("**Status:**", StringComparison.Ordinal), line));
        var item = (await factory.ItemAsync(id))!;
        Assert.True(item.IsComplete);
        Assert.Null(item.StatusNote);
        Assert.Equal(HistoryAction.Completed, Assert.Single(await factory.HistoryAsync(id)).Action);
        var page = WebUtility.HtmlDecode(await lead.GetPageAsync($"/items/{id}"));
        Assert.Contains("Used k6 instead of Locust", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/items/{id}/defer", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_item_cannot_be_deferred()
    {
        using var lead = await LeadAsync();
        using var created = await lead.SubmitAsync("/items/new?phase=2", "/items/new?phase=2", form => form
            .With("Title", "Already shipped").With("StatusEmoji", "✅").With("StatusLabel", "Complete"));
        var id = int.Parse(created.RedirectPath()!.Split('/', '?')[2], CultureInfo.InvariantCulture);
        Assert.True((await factory.ItemAsync(id))!.IsComplete);

        using var refused = await lead.SubmitAsync($"/items/{id}/defer", $"/items/{id}/defer", form => form.With("Reason", "Try anyway"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("A complete item cannot be deferred", await refused.BodyAsync(), StringComparison.Ordinal);
        var item = (await factory.ItemAsync(id))!;
        Assert.Equal(2, item.Phase!.Number);
        Assert.Empty(item.Deferrals);
    }

    [Fact]
    public async Task A_future_completion_date_is_refused_next_to_the_field()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 5);
        var version = (await factory.ItemAsync(id))!.RowVersion;

        using var response = await lead.SubmitAsync($"/items/{id}/complete", $"/items/{id}/complete", form => form.With("CompletedOn", "2999-01-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"CompletedOn\"[^>]*>[^<]*cannot be in the future", await response.BodyAsync());
        Assert.Equal(version, (await factory.ItemAsync(id))!.RowVersion);
    }

    [Fact]
    public async Task The_item_page_offers_a_lead_the_edit_buttons_and_shows_its_history()
    {
        using var lead = await LeadAsync();
        var id = await factory.ItemIdAsync(2, 2);

        var page = await lead.GetPageAsync($"/items/{id}");

        Assert.Contains($"href=\"/items/{id}/edit\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/items/{id}/defer\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/items/{id}/complete\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/items/{id}/delete\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"record-history\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/items/new?phase=2\"", await lead.GetPageAsync("/items?phase=2"), StringComparison.Ordinal);

        using var anonymous = factory.CreateClient();
        var open = await anonymous.GetPageAsync($"/items/{id}");
        Assert.DoesNotContain($"/items/{id}/edit", open, StringComparison.Ordinal);
        Assert.DoesNotContain("/items/new", await anonymous.GetPageAsync("/items?phase=2"), StringComparison.Ordinal);
    }
}
