using System.Net;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Items.Editing;

/// <summary>Two leads edit the same item from forms read at the same version, and who may post at all.</summary>
public sealed class ItemConflictTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task A_stale_form_shows_the_conflict_page_with_both_values_and_save_mine_then_wins()
    {
        var (first, firstUser) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        var (second, _) = await factory.CreateSignedInBrowserAsync(Roles.Lead);
        using var _1 = first;
        using var _2 = second;
        var id = await factory.ItemIdAsync(2, 3);
        var edit = $"/items/{id}/edit";
        var (_, firstForm) = await first.ReadFormAsync(edit, edit);
        var (_, secondForm) = await second.ReadFormAsync(edit, edit);

        using var saved = await first.PostAsync(edit, firstForm.With("Owner", "Alice's Team"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var afterFirst = await factory.ExportAsync();

        using var stale = await second.PostAsync(edit, secondForm.With("Owner", "Bob's Team"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await stale.BodyAsync();
        Assert.Contains("Alice's Team", page, StringComparison.Ordinal);
        Assert.Contains("Bob's Team", page, StringComparison.Ordinal);
        Assert.Contains(firstUser.Email, page, StringComparison.Ordinal);
        Assert.Equal("Alice's Team", (await factory.ItemAsync(id))!.Owner);
        Assert.Equal(afterFirst, await factory.ExportAsync());

        // "Save mine over theirs" posts the same values with the version saved now.
        var mine = ItemForms.Fields(await stale.Content.ReadAsStringAsync(), edit);
        using var overwritten = await second.PostAsync(edit, mine);

        Assert.Equal(HttpStatusCode.Redirect, overwritten.StatusCode);
        Assert.Equal("Bob's Team", (await factory.ItemAsync(id))!.Owner);
        Assert.Equal(2, (await factory.HistoryAsync(id)).Count);
    }

    [Fact]
    public async Task A_viewer_cannot_edit_an_item_even_with_a_valid_token()
    {
        var (viewer, _) = await factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using var _v = viewer;
        var id = await factory.ItemIdAsync(2, 2);
        var version = (await factory.ItemAsync(id))!.RowVersion;
        var token = await viewer.GetAntiforgeryTokenAsync();

        foreach (var action in new[] { $"/items/{id}/edit", $"/items/{id}/delete", $"/items/{id}/defer", $"/items/{id}/complete", "/items/new" })
        {
            using var response = await viewer.PostAsync(action, new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["RowVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Title"] = "Viewer was here", ["Reason"] = "none",
            });
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains("/account/", response.RedirectPath(), StringComparison.OrdinalIgnoreCase);
            }
        }

        using (var form = await viewer.GetAsync(new Uri($"/items/{id}/edit", UriKind.Relative)))
        {
            Assert.NotEqual(HttpStatusCode.OK, form.StatusCode);
        }

        var item = (await factory.ItemAsync(id))!;
        Assert.Equal(version, item.RowVersion);
        Assert.Null(item.DeletedAtUtc);
        Assert.Empty(await factory.HistoryAsync(id));
    }

    [Fact]
    public async Task An_anonymous_post_to_an_item_form_is_sent_to_sign_in()
    {
        using var browser = factory.CreateBrowser();
        var id = await factory.ItemIdAsync(2, 2);
        var token = await browser.GetAntiforgeryTokenAsync();

        using var response = await browser.PostAsync($"/items/{id}/restore", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(await factory.HistoryAsync(id));
    }
}
