using System.Net;
using System.Text;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.IntegrationTests.Items.Editing;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Import;

/// <summary>
/// <c>/import</c>: a lead uploads or pastes a document, sees what the import will do, resolves the
/// merge's conflicts and applies it. Each test starts from a fresh database holding the seed.
/// </summary>
public sealed class ImportPageTests : IDisposable
{
    private readonly PhaseTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_preview_shows_each_change_with_its_fields_the_warnings_with_lines_and_the_diff_and_changes_nothing()
    {
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        var before = await _factory.TraceAsync();
        var text = ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Platform Team"));

        using var response = await browser.PostPreviewAsync(text);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-record=\"Item 3: Load Testing Suite\" data-action=\"changed\"", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Owner</th><td class=\"text-break\">Backend Team</td><td class=\"text-break\">Platform Team</td>", html, StringComparison.Ordinal);
        Assert.Contains("Items: 0 added, 1 updated, 0 removed, 4 unchanged.", html, StringComparison.Ordinal);
        Assert.Contains("Roadmap weeks: 0 added, 0 updated, 0 removed, 2 unchanged.", html, StringComparison.Ordinal);
        Assert.Contains("Left alone: 4 items, 4 ADRs and 2 roadmap weeks.", html, StringComparison.Ordinal);
        Assert.Contains("-**Owner:** Backend Team", html, StringComparison.Ordinal);
        Assert.Contains("+**Owner:** Platform Team", html, StringComparison.Ordinal);
        Assert.Contains("Dry run, nothing was changed", html, StringComparison.Ordinal);
        Assert.Equal("Backend Team", await _factory.ItemOwnerAsync(3));
        Assert.Equal(before, await _factory.TraceAsync());
    }

    [Fact]
    public async Task An_uploaded_file_with_mojibake_previews_its_repairs_with_their_line_numbers()
    {
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);

        using var response = await browser.PostPreviewAsync(null, fileName: "PHASE2_TRACKING.md", file: Seed.Bytes);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"<li>Line \d+ \(repair\): ", html);
        Assert.Contains("Nothing changes: the database already holds this document.", html, StringComparison.Ordinal);
        Assert.Contains("The exported document stays the same.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_the_preview_imports_it_in_the_history_and_shows_the_summary_on_the_dashboard()
    {
        var (browser, user) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        using var preview = await browser.PostPreviewAsync(null, fileName: "edited.md",
            file: Seed.Utf8.GetBytes(ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Platform Team"))));

        using var applied = await browser.ApplyAsync(await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("/", applied.RedirectPath());
        Assert.Equal("Platform Team", await _factory.ItemOwnerAsync(3));
        var dashboard = WebUtility.HtmlDecode(await browser.GetPageAsync("/"));
        Assert.Contains("Items: 0 added, 1 updated, 0 removed, 4 unchanged.", dashboard, StringComparison.Ordinal);
        var history = WebUtility.HtmlDecode(await browser.GetPageAsync("/history"));
        Assert.Contains(user.Email, history, StringComparison.Ordinal);
        Assert.Contains("import of edited.md", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pasted_text_arrives_with_the_browsers_CR_LF_line_breaks_and_is_read_as_the_LF_document_it_was()
    {
        // HTML's form rules make a browser send a textarea's line breaks as CR LF, whatever was pasted.
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);

        using var preview = await browser.PostPreviewAsync(Seed.RepairedText.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Contains("Nothing changes: the database already holds this document.", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_file_is_applied_byte_for_byte_as_it_was_previewed_CR_LF_line_breaks_included()
    {
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        var file = ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Platform Team")).Replace("\n", "\r\n", StringComparison.Ordinal);
        using var preview = await browser.PostPreviewAsync(null, fileName: "windows.md", file: Seed.Utf8.GetBytes(file));
        var html = await preview.Content.ReadAsStringAsync();

        // The document rides to the apply in base64: an HTML attribute would have turned its CR LF into LF.
        Assert.Contains($"value=\"{Convert.ToBase64String(Seed.Utf8.GetBytes(file))}\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        using var applied = await browser.ApplyAsync(html);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("Platform Team", await _factory.ItemOwnerAsync(3));
        Assert.Equal(file, await _factory.ExportAsync());
    }

    [Fact]
    public async Task Importing_the_same_document_twice_changes_nothing_the_second_time()
    {
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        var text = ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Platform Team"));
        using (var first = await browser.ApplyAsync(await (await browser.PostPreviewAsync(text)).Content.ReadAsStringAsync()))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var before = await _factory.TraceAsync();
        using var preview = await browser.PostPreviewAsync(text);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Nothing changes: the database already holds this document.", html, StringComparison.Ordinal);
        using var second = await browser.ApplyAsync(html);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(before.History, (await _factory.TraceAsync()).History);
    }

    [Fact]
    public async Task An_item_the_document_no_longer_has_is_kept_unless_the_lead_ticks_its_removal()
    {
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        var text = ImportPages.SeedWithoutItem1();

        using var keep = await browser.PostPreviewAsync(text);
        var keepHtml = WebUtility.HtmlDecode(await keep.Content.ReadAsStringAsync());
        Assert.Contains("In the database but not in the document (kept)", keepHtml, StringComparison.Ordinal);
        Assert.Contains("<li>Item 1: studio-settings-form.tsx Cleanup</li>", keepHtml, StringComparison.Ordinal);
        using (var applied = await browser.ApplyAsync(keepHtml))
        {
            Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        }

        Assert.False(await _factory.ItemIsDeletedAsync(1));

        using var remove = await browser.PostPreviewAsync(text, removeMissing: true);
        var removeHtml = WebUtility.HtmlDecode(await remove.Content.ReadAsStringAsync());
        Assert.Contains("data-record=\"Item 1: studio-settings-form.tsx Cleanup\" data-action=\"removed\"", removeHtml, StringComparison.Ordinal);
        using (var applied = await browser.ApplyAsync(removeHtml))
        {
            Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        }

        Assert.True(await _factory.ItemIsDeletedAsync(1));
    }

    [Fact]
    public async Task A_conflict_is_shown_side_by_side_and_nothing_is_imported_until_a_side_is_chosen()
    {
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        await _factory.SetItemOwnerAsync(3, "QA Guild");
        var text = ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Platform Team"), ("**Owner:** Frontend Team", "**Owner:** Web Team"));

        using var preview = await browser.PostPreviewAsync(text);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("<tr data-conflict=\"Item 3|Owner\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-break\">QA Guild</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-break\">Platform Team</td>", html, StringComparison.Ordinal);

        var before = await _factory.TraceAsync();
        using (var unresolved = await browser.ApplyAsync(html))
        {
            Assert.Equal(HttpStatusCode.Conflict, unresolved.StatusCode);
            Assert.Contains("Nothing was imported: choose which side wins each conflict below.", await unresolved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await _factory.TraceAsync());
        Assert.Equal("Frontend Team", await _factory.ItemOwnerAsync(4));

        using var applied = await browser.ApplyAsync(html, new Dictionary<string, string> { ["Item 3|Owner"] = "database" });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("QA Guild", await _factory.ItemOwnerAsync(3));
        Assert.Equal("Web Team", await _factory.ItemOwnerAsync(4));
    }

    [Fact]
    public async Task Choosing_the_document_in_a_conflict_takes_the_documents_value()
    {
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        await _factory.SetItemOwnerAsync(3, "QA Guild");
        using var preview = await browser.PostPreviewAsync(ImportPages.SeedWith((ImportPages.Item3Owner, "**Owner:** Platform Team")));

        using var applied = await browser.ApplyAsync(await preview.Content.ReadAsStringAsync(), new Dictionary<string, string> { ["Item 3|Owner"] = "document" });

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("Platform Team", await _factory.ItemOwnerAsync(3));
    }

    [Fact]
    public async Task A_form_edit_survives_importing_the_old_document_again_through_the_page()
    {
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        await _factory.SetItemOwnerAsync(3, "QA Guild");

        using var preview = await browser.PostPreviewAsync(null, file: Seed.Bytes);
        using var applied = await browser.ApplyAsync(await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("QA Guild", await _factory.ItemOwnerAsync(3));
    }

    [Fact]
    public async Task A_document_over_10_MB_is_refused_with_one_sentence()
    {
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        var text = Seed.RepairedText + new string('x', 10 * 1024 * 1024);

        using var pasted = await browser.PostPreviewAsync(text);
        using var uploaded = await browser.PostPreviewAsync(null, file: Encoding.UTF8.GetBytes(text));

        foreach (var response in new[] { pasted, uploaded })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("The document is larger than 10 MB; the import takes documents up to 10 MB.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_document_the_reader_refuses_is_named_with_its_line_and_changes_nothing()
    {
        var (browser, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        var before = await _factory.TraceAsync();

        using var response = await browser.PostPreviewAsync("Just some notes,\nnot a tracking document.\n");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"import-error\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.TraceAsync());
    }

    [Fact]
    public async Task Leads_see_the_import_link_and_viewers_are_refused_the_page()
    {
        var (lead, _) = await _factory.CreateSignedInBrowserAsync(Roles.Lead);
        var (viewer, _) = await _factory.CreateSignedInBrowserAsync(Roles.Viewer);
        using var anonymous = _factory.CreateBrowser();

        // The layout's scoped CSS adds an attribute of its own to every element.
        Assert.Contains("href=\"/import\">Import</a>", await lead.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/import\"", await viewer.GetPageAsync("/"), StringComparison.Ordinal);
        using var viewerPage = await viewer.GetAsync(new Uri("/import", UriKind.Relative));
        Assert.StartsWith("/account/access-denied", viewerPage.RedirectPath(), StringComparison.Ordinal);
        using var anonymousPage = await anonymous.GetAsync(new Uri("/import", UriKind.Relative));
        Assert.StartsWith("/account/login", anonymousPage.RedirectPath(), StringComparison.Ordinal);
    }
}
