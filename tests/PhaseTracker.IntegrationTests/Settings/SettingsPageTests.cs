using System.Net;

using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Settings;

/// <summary><c>/settings</c>: a lead or an admin saves the workspace's settings, and they apply everywhere.</summary>
public sealed class SettingsPageTests
{
    [Fact]
    public async Task A_lead_saves_the_settings_and_sees_them_after_a_reload()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.ImportAsync(PageTestDocuments.Generated(5, phase: 3));
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var saved = await lead.SaveSettingsAsync(new Dictionary<string, string>
            {
                ["Name"] = "Mobile Team",
                ["HoursPerDay"] = "7.5",
                ["CurrentPhase"] = "2",
                ["TimeZone"] = "Europe/Istanbul",
            });

            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("/settings?status=saved", saved.RedirectPath());
            var page = await lead.GetPageAsync("/settings?status=saved");
            Assert.Contains("Saved.", page, StringComparison.Ordinal);

            var form = await lead.ReadFormAsync();
            Assert.Equal("Mobile Team", form["Name"]);
            Assert.Equal("7.5", form["HoursPerDay"]);
            Assert.Equal("2", form["CurrentPhase"]);
            Assert.Equal("Europe/Istanbul", form["TimeZone"]);
            Assert.Equal("1", form["RowVersion"]);

            var stored = await factory.SavedSettingsAsync();
            Assert.NotNull(stored);
            Assert.Equal(("Mobile Team", 7.5, 2, "Europe/Istanbul", 1), (stored.Name, stored.HoursPerDay, stored.PinnedPhaseNumber, stored.TimeZoneId, stored.RowVersion));
            Assert.Null(stored.AllowAnonymousRead);
        }
    }

    [Fact]
    public async Task The_workspace_name_shows_in_the_navigation_bar_and_the_page_titles()
    {
        using var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var saved = await lead.SaveSettingsAsync(new Dictionary<string, string> { ["Name"] = "Mobile <Team>" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            using var anonymous = factory.CreateClient();
            var dashboard = await anonymous.GetPageAsync("/matrix");
            Assert.Matches("<a [^>]*class=\"navbar-brand\"[^>]*>Mobile &lt;Team&gt;</a>", dashboard);
            Assert.Contains(" - Mobile &lt;Team&gt;</title>", dashboard, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hours_per_day_change_the_dashboard_and_only_the_total_line_of_the_export()
    {
        using var factory = new PhaseTrackerFactory();
        using var anonymous = factory.CreateClient();
        Assert.Contains("3.1 developer-days at 8 h a day", await anonymous.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Contains("developer-days of 8 h", await anonymous.GetPageAsync("/matrix"), StringComparison.Ordinal);
        var before = await factory.ExportAsync();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var saved = await lead.SaveSettingsAsync(new Dictionary<string, string> { ["HoursPerDay"] = "5" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("5 developer-days at 5 h a day", await anonymous.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Contains("developer-days of 5 h", await anonymous.GetPageAsync("/matrix"), StringComparison.Ordinal);
        var after = await factory.ExportAsync();
        Assert.Equal(
            ["-**Total Phase 2 Effort:** 25 hours (~3.1 developer-days)", "+**Total Phase 2 Effort:** 25 hours (~5.0 developer-days)"],
            LineDiff.Changes(before, after));
    }

    [Fact]
    public async Task A_pinned_phase_is_the_default_of_every_page_and_the_export_and_a_later_import_does_not_move_it()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.ImportAsync(PageTestDocuments.Generated(5, phase: 3));
        using var anonymous = factory.CreateClient();
        Assert.Contains("Phase 3 Tracking", WebUtility.HtmlDecode(await anonymous.GetPageAsync("/")), StringComparison.Ordinal);

        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var saved = await lead.SaveSettingsAsync(new Dictionary<string, string> { ["CurrentPhase"] = "2" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await AssertCurrentPhaseAsync(factory, anonymous, 2);

        // An import of another phase would make it current, but the pin holds.
        await factory.ImportAsync(PageTestDocuments.Generated(6, phase: 4));
        await AssertCurrentPhaseAsync(factory, anonymous, 2);
    }

    [Fact]
    public async Task A_pinned_phase_that_no_longer_exists_leaves_the_choice_to_the_latest_import()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.ImportAsync(PageTestDocuments.Generated(5, phase: 3));
        using var anonymous = factory.CreateClient();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var pinned = await lead.SaveSettingsAsync(new Dictionary<string, string> { ["CurrentPhase"] = "3" });
            Assert.Equal(HttpStatusCode.Redirect, pinned.StatusCode);
        }

        await factory.ImportAsync(PageTestDocuments.Generated(6, phase: 4));
        await AssertCurrentPhaseAsync(factory, anonymous, 3);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
            await db.Phases.Where(p => p.Number == 3).ExecuteDeleteAsync();
            await db.BumpDataVersionAsync(CancellationToken.None);
        }

        await AssertCurrentPhaseAsync(factory, anonymous, 4);
    }

    [Fact]
    public async Task A_total_that_never_added_up_stays_as_written_whatever_the_hours_per_day()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.ImportAsync(Seed.RepairedText.Replace("25 hours (~3.1 developer-days)", "25 hours (~4 developer-days)", StringComparison.Ordinal));
        var before = await factory.ExportAsync();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var saved = await lead.SaveSettingsAsync(new Dictionary<string, string> { ["HoursPerDay"] = "5" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("**Total Phase 2 Effort:** 25 hours (~4 developer-days)", before, StringComparison.Ordinal);
        Assert.Equal(before, await factory.ExportAsync());
    }

    [Fact]
    public async Task With_the_pin_removed_the_latest_import_decides_again()
    {
        using var factory = new PhaseTrackerFactory();
        await factory.ImportAsync(PageTestDocuments.Generated(5, phase: 3));
        using var anonymous = factory.CreateClient();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var pinned = await lead.SaveSettingsAsync(new Dictionary<string, string> { ["CurrentPhase"] = "2" });
            await AssertCurrentPhaseAsync(factory, anonymous, 2);

            using var unpinned = await lead.SaveSettingsAsync(new Dictionary<string, string> { ["CurrentPhase"] = "" });

            Assert.Equal(HttpStatusCode.Redirect, unpinned.StatusCode);
            await AssertCurrentPhaseAsync(factory, anonymous, 3);
        }
    }

    [Fact]
    public async Task An_admin_turns_anonymous_reading_off_and_on_again()
    {
        using var host = new PhaseTrackerFactory();
        using var factory = host.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddControllers().AddApplicationPart(typeof(ReadProbeController).Assembly)));
        using var anonymous = factory.CreateBrowser();
        using (var api = await anonymous.GetAsync(new Uri("/api/test/read-probe", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }

        var (admin, _) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (admin)
        {
            Assert.Equal("on", (await admin.ReadFormAsync())["AnonymousRead"]);

            using var off = await admin.SaveSettingsAsync(new Dictionary<string, string> { ["AnonymousRead"] = "off" });
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);

            using (var page = await anonymous.GetAsync(new Uri("/items", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
                Assert.Equal("/account/login?returnUrl=%2Fitems", page.RedirectPath());
            }

            using (var api = await anonymous.GetAsync(new Uri("/api/test/read-probe", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
                Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            }

            using (var health = await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            using (var login = await anonymous.GetAsync(new Uri("/account/login", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            }

            // Signed-in users still read.
            await admin.GetPageAsync("/items");
            Assert.Equal("off", (await admin.ReadFormAsync())["AnonymousRead"]);

            using var on = await admin.SaveSettingsAsync(new Dictionary<string, string> { ["AnonymousRead"] = "on" });
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }

        await anonymous.GetPageAsync("/items");
        using var openApi = await anonymous.GetAsync(new Uri("/api/test/read-probe", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    [Fact]
    public async Task A_lead_sees_anonymous_reading_read_only_and_cannot_change_it()
    {
        using var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            var page = await lead.GetPageAsync("/settings");
            Assert.DoesNotContain("name=\"AnonymousRead\"", page, StringComparison.Ordinal);
            Assert.Contains("Only an admin can change this.", page, StringComparison.Ordinal);
            var versionBefore = await factory.DataVersionAsync();

            using var refused = await lead.SaveSettingsAsync(new Dictionary<string, string> { ["AnonymousRead"] = "off", ["Name"] = "Renamed" });

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal("Only an admin can turn anonymous reading on or off; nothing was saved.", SettingsForms.FieldError(html, "AnonymousRead"));
            Assert.Null(await factory.SavedSettingsAsync());
            Assert.Equal(versionBefore, await factory.DataVersionAsync());
            using var anonymous = factory.CreateClient();
            await anonymous.GetPageAsync("/");
        }
    }

    [Theory]
    [InlineData("Name", "", "Enter a name for the workspace.")]
    [InlineData("Name", "   ", "Enter a name for the workspace.")]
    [InlineData("HoursPerDay", "eight", "Enter the hours as a number, such as 8 or 7.5.")]
    [InlineData("HoursPerDay", "", "Enter the hours as a number, such as 8 or 7.5.")]
    [InlineData("HoursPerDay", "0", "A developer-day has more than 0 and at most 24 hours.")]
    [InlineData("HoursPerDay", "24.5", "A developer-day has more than 0 and at most 24 hours.")]
    [InlineData("HoursPerDay", "7.3", "Use whole or half hours, such as 7 or 7.5.")]
    [InlineData("CurrentPhase", "9", "Choose one of the phases in the database, or let the latest import decide.")]
    [InlineData("CurrentPhase", "two", "Choose one of the phases in the database, or let the latest import decide.")]
    [InlineData("TimeZone", "Mars/Olympus_Mons", "Enter a time zone by its IANA id, such as Europe/Istanbul.")]
    [InlineData("TimeZone", "", "Enter a time zone by its IANA id, such as Europe/Istanbul.")]
    [InlineData("AnonymousRead", "maybe", "Choose on or off.")]
    public async Task Each_invalid_field_gets_its_message_and_nothing_is_saved(string field, string value, string message)
    {
        using var factory = new PhaseTrackerFactory();
        var (admin, _) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (admin)
        {
            var versionBefore = await factory.DataVersionAsync();

            // A valid change beside the invalid field: it must not be saved either.
            var changes = new Dictionary<string, string> { ["Name"] = "Renamed", [field] = value };
            using var refused = await admin.SaveSettingsAsync(changes);

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(message, SettingsForms.FieldError(html, field));
            Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
            Assert.Null(await factory.SavedSettingsAsync());
            Assert.Empty(await factory.SettingsHistoryAsync());
            Assert.Equal(versionBefore, await factory.DataVersionAsync());
        }
    }

    [Fact]
    public async Task A_name_longer_than_100_characters_is_refused()
    {
        using var factory = new PhaseTrackerFactory();
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            using var refused = await lead.SaveSettingsAsync(new Dictionary<string, string> { ["Name"] = new string('x', 101) });

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("The name can have at most 100 characters; this one has 101.", SettingsForms.FieldError(await refused.Content.ReadAsStringAsync(), "Name"));
            Assert.Null(await factory.SavedSettingsAsync());
        }
    }

    [Fact]
    public async Task A_stale_form_shows_the_conflict_page_and_saves_nothing_until_the_lead_chooses()
    {
        using var factory = new PhaseTrackerFactory();
        var (first, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        var (second, secondUser) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (first)
        using (second)
        {
            var staleForm = await first.ReadFormAsync();
            using var theirs = await second.SaveSettingsAsync(new Dictionary<string, string> { ["Name"] = "Theirs" });
            Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);

            staleForm["Name"] = "Mine";
            using var conflict = await first.PostFormAsync("/settings", staleForm, "/settings");

            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            var html = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());
            Assert.Contains("Someone else saved Settings first", html, StringComparison.Ordinal);
            Assert.Contains(secondUser.Email, html, StringComparison.Ordinal);
            Assert.Contains("Theirs", html, StringComparison.Ordinal);
            Assert.Contains("Mine", html, StringComparison.Ordinal);
            var stored = await factory.SavedSettingsAsync();
            Assert.Equal(("Theirs", 1), (stored!.Name, stored.RowVersion));

            // "Save mine over theirs" posts the same form with the current version.
            staleForm["RowVersion"] = "1";
            using var mine = await first.PostFormAsync("/settings", staleForm, "/settings");
            Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
            stored = await factory.SavedSettingsAsync();
            Assert.Equal(("Mine", 2), (stored!.Name, stored.RowVersion));
        }
    }

    [Fact]
    public async Task A_save_writes_one_history_entry_with_the_changed_fields()
    {
        using var factory = new PhaseTrackerFactory();
        var (lead, user) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using (lead)
        {
            var versionBefore = await factory.DataVersionAsync();
            using var saved = await lead.SaveSettingsAsync(new Dictionary<string, string> { ["Name"] = "Mobile Team", ["HoursPerDay"] = "6" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            var entry = Assert.Single(await factory.SettingsHistoryAsync());
            Assert.Equal((1, "Settings", HistoryAction.Changed, user.Email, "form"), (entry.RecordId, entry.RecordLabel, entry.Action, entry.Actor, entry.Via));
            Assert.Null(entry.PhaseNumber);
            Assert.Equal(
                [new FieldChange("Workspace name", null, "Mobile Team"), new FieldChange("Hours per developer-day", null, "6")],
                entry.Changes);
            Assert.Equal(versionBefore + 1, await factory.DataVersionAsync());
        }
    }

    [Fact]
    public async Task A_save_without_a_change_writes_nothing()
    {
        using var factory = new PhaseTrackerFactory();
        var (admin, _) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (admin)
        {
            var exportBefore = await factory.ExportAsync();
            var versionBefore = await factory.DataVersionAsync();

            using var unchanged = await admin.SaveSettingsAsync(new Dictionary<string, string>());

            Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
            Assert.Contains("Nothing changed, so nothing was saved.", await admin.GetPageAsync(unchanged.RedirectPath()!), StringComparison.Ordinal);
            Assert.Null(await factory.SavedSettingsAsync());
            Assert.Empty(await factory.SettingsHistoryAsync());
            Assert.Equal(versionBefore, await factory.DataVersionAsync());
            Assert.Equal(exportBefore, await factory.ExportAsync());

            // Saved once, then saved again unchanged: still one entry, one version.
            using var saved = await admin.SaveSettingsAsync(new Dictionary<string, string> { ["TimeZone"] = "Europe/Istanbul" });
            var versionAfterSave = await factory.DataVersionAsync();
            using var again = await admin.SaveSettingsAsync(new Dictionary<string, string>());
            Assert.Equal("/settings?status=unchanged", again.RedirectPath());
            Assert.Single(await factory.SettingsHistoryAsync());
            Assert.Equal(1, (await factory.SavedSettingsAsync())!.RowVersion);
            Assert.Equal(versionAfterSave, await factory.DataVersionAsync());
        }
    }

    [Fact]
    public async Task A_viewer_and_an_anonymous_browser_can_neither_open_nor_post_the_settings()
    {
        using var factory = new PhaseTrackerFactory();
        var (viewer, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using (viewer)
        {
            using var page = await viewer.GetAsync(new Uri("/settings", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/access-denied", page.RedirectPath(), StringComparison.Ordinal);

            using var post = await viewer.PostFormAsync("/settings", Fields("Viewer's"));
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("/account/access-denied", post.RedirectPath(), StringComparison.Ordinal);
        }

        using var anonymous = factory.CreateBrowser();
        using (var page = await anonymous.GetAsync(new Uri("/settings", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/login", page.RedirectPath(), StringComparison.Ordinal);
        }

        using (var post = await anonymous.PostFormAsync("/settings", Fields("Anonymous"), "/account/login"))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("/account/login", post.RedirectPath(), StringComparison.Ordinal);
        }

        Assert.Null(await factory.SavedSettingsAsync());
    }

    [Fact]
    public async Task The_navigation_offers_history_to_everyone_and_settings_to_leads_and_admins_only()
    {
        using var factory = new PhaseTrackerFactory();
        using var anonymous = factory.CreateClient();
        var (viewer, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        var (lead, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        var (admin, _) = await factory.CreateSignedInBrowserAsync(Roles.Admin);
        using (viewer)
        using (lead)
        using (admin)
        {
            // The layout's scoped CSS adds an attribute of its own to every element.
            const string history = "href=\"/history\">History</a>";
            const string settings = "href=\"/settings\">Settings</a>";
            var anonymousPage = await anonymous.GetPageAsync("/");
            var viewerPage = await viewer.GetPageAsync("/");
            Assert.Contains(history, anonymousPage, StringComparison.Ordinal);
            Assert.Contains(history, viewerPage, StringComparison.Ordinal);
            Assert.DoesNotContain(settings, anonymousPage, StringComparison.Ordinal);
            Assert.DoesNotContain(settings, viewerPage, StringComparison.Ordinal);
            Assert.Contains(settings, await lead.GetPageAsync("/"), StringComparison.Ordinal);
            Assert.Contains(settings, await admin.GetPageAsync("/"), StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> Fields(string name) => new()
    {
        ["Name"] = name,
        ["HoursPerDay"] = "8",
        ["CurrentPhase"] = "",
        ["TimeZone"] = "UTC",
        ["AnonymousRead"] = "off",
        ["RowVersion"] = "0",
    };

    private static async Task AssertCurrentPhaseAsync(PhaseTrackerFactory factory, HttpClient anonymous, int number)
    {
        var dashboard = WebUtility.HtmlDecode(await anonymous.GetPageAsync("/"));
        Assert.Contains($"<option value=\"{number}\" selected=\"selected\">Phase {number} (current)</option>", dashboard, StringComparison.Ordinal);
        var items = await anonymous.GetPageAsync("/items");
        Assert.Contains($"<option value=\"{number}\" selected=\"selected\">Phase {number} (current)</option>", items, StringComparison.Ordinal);
        Assert.Contains($"<title>Priority matrix · Phase {number} - ", await anonymous.GetPageAsync("/matrix"), StringComparison.Ordinal);
        Assert.Contains($"<title>Roadmap · Phase {number} - ", await anonymous.GetPageAsync("/roadmap"), StringComparison.Ordinal);
        var export = await factory.ExportAsync();
        Assert.Contains($"Phase {number} Tracking", export, StringComparison.Ordinal);
    }
}
