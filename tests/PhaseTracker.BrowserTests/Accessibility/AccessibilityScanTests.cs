using System.Text;

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

using Microsoft.Playwright;

using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.BrowserTests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.x A and AA rules and its best practices) on every page, as each kind of user sees
/// it: no serious or critical violation. Moderate and minor ones are listed in the test's output.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityScanTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>"{item}" stands for the first item's page, found on /items.</summary>
    private const string FirstItem = "/items/{item}";

    /// <summary>"{week}" stands for the first week's id, found on /roadmap.</summary>
    private const string FirstWeek = "{week}";

    private static readonly string[] FailingImpacts = ["serious", "critical"];

    public static TheoryData<string, int> PagesEveryoneSees => new()
    {
        { DashboardPage.Path, 200 },
        { ItemsPage.Path, 200 },
        { "/items?priority=P1&sort=title", 200 },
        { FirstItem, 200 },
        { MatrixPage.Path, 200 },
        { RoadmapPage.Path, 200 },
        { AdrsPage.Path, 200 },
        { "/adrs/1", 200 },
        { "/document", 200 },
        { "/export", 200 },
        { "/no-such-page", 404 },
    };

    public static TheoryData<string, int> PagesALeadSees
    {
        get
        {
            var pages = PagesEveryoneSees;
            pages.Add("/account", 200);
            return pages;
        }
    }

    /// <summary>The forms and pages only an editor reaches.</summary>
    public static TheoryData<string> FormsALeadUses => new()
    {
        "/items/new",
        FirstItem + "/edit",
        FirstItem + "/defer",
        FirstItem + "/complete",
        FirstItem + "/delete",
        "/roadmap/weeks/new",
        $"/roadmap/weeks/{FirstWeek}/edit",
        "/adrs/new",
        "/adrs/1/edit",
        "/phases/2/edit",
        ImportPage.Path,
        SettingsPage.Path,
        HistoryPage.Path,
    };

    [Theory]
    [MemberData(nameof(PagesEveryoneSees))]
    [InlineData(LoginPage.Path, 200)]
    public async Task A_page_signed_out_has_no_serious_accessibility_violation(string path, int status)
    {
        await using var session = await browser.NewSessionAsync(output);
        await ScanAsync(session, path, status);
    }

    [Theory]
    [MemberData(nameof(PagesALeadSees))]
    public async Task A_page_a_lead_sees_has_no_serious_accessibility_violation(string path, int status)
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        await ScanAsync(session, path, status);
    }

    [Theory]
    [MemberData(nameof(FormsALeadUses))]
    public async Task A_form_a_lead_uses_has_no_serious_accessibility_violation(string path)
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        await ScanAsync(session, path, 200);
    }

    [Fact]
    public async Task A_refused_form_with_its_messages_has_no_serious_accessibility_violation()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        var form = await ItemFormPage.OpenNewAsync(session.Page, 2);
        await form.Effort.FillAsync("2.3");
        await form.SaveRefusedAsync();
        await Assertions.Expect(form.EffortError).ToBeVisibleAsync();
        await AssertNoSeriousViolationAsync(session, "/items/new (refused)", 200);
    }

    [Fact]
    public async Task The_conflict_page_has_no_serious_accessibility_violation()
    {
        await using var session = await browser.NewSessionAsync(output);
        await using var other = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Lead);
        await other.SignInAsNewUserAsync(Roles.Lead);
        var path = await (await ItemsPage.OpenAsync(session.Page)).FirstItemPathAsync();
        var id = int.Parse(path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);

        // Two forms on the same item; the other lead saves first (and then puts the owner back).
        var mine = await ItemFormPage.OpenEditAsync(session.Page, id);
        var theirs = await ItemFormPage.OpenEditAsync(other.Page, id);
        var owner = await theirs.Owner.InputValueAsync();
        await theirs.Owner.FillAsync("Someone Else Entirely");
        await theirs.SaveAsync();

        await mine.Owner.FillAsync("Me, Meanwhile");
        var response = await mine.SaveRefusedAsync();
        Assert.Equal(409, response.Status);
        await AssertNoSeriousViolationAsync(session, $"{path}/edit (conflict)", 409);

        theirs = await ItemFormPage.OpenEditAsync(other.Page, id);
        await theirs.Owner.FillAsync(owner);
        await theirs.SaveAsync();
    }

    [Fact]
    public async Task The_users_page_an_admin_sees_has_no_serious_accessibility_violation()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Admin);
        await ScanAsync(session, "/users", 200);
    }

    private async Task ScanAsync(BrowserSession session, string path, int status)
    {
        if (path.StartsWith(FirstItem, StringComparison.Ordinal))
        {
            path = await (await ItemsPage.OpenAsync(session.Page)).FirstItemPathAsync() + path[FirstItem.Length..];
        }

        if (path.Contains(FirstWeek, StringComparison.Ordinal))
        {
            await session.Page.GotoAsync(RoadmapPage.Path);
            var edit = await session.Page.Locator("main a[href^='/roadmap/weeks/'][href$='/edit']").First.GetAttributeAsync("href")
                ?? throw new InvalidOperationException("The roadmap links to no week's form.");
            path = edit;
        }

        var response = await session.Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(status, response.Status);
        await AssertNoSeriousViolationAsync(session, path, status);
    }

    private async Task AssertNoSeriousViolationAsync(BrowserSession session, string path, int status)
    {
        await Assertions.Expect(new AppLayout(session.Page).MainHeading.First).ToBeVisibleAsync();

        var result = await session.Page.RunAxe();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{violation.Impact}: {Describe(violation)}");
        }

        var failing = result.Violations.Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        Assert.True(failing.Count == 0, $"{path} has {failing.Count} serious or critical accessibility violations:\n{string.Join("\n", failing.Select(Describe))}");

        // The strict Content-Security-Policy holds: no refused script, style or image, no missing file.
        // (A 404 page logs its own status as a failed load.)
        var errors = session.ConsoleErrors
            .Where(error => status == 200 || !error.Contains($"the server responded with a status of {status}", StringComparison.Ordinal))
            .ToList();
        Assert.True(errors.Count == 0, $"{path} logged errors in the browser's console:\n{string.Join("\n", errors)}");
    }

    private static string Describe(AxeResultItem violation)
    {
        var text = new StringBuilder($"{violation.Id}: {violation.Help} ({violation.HelpUrl})");
        foreach (var node in violation.Nodes.Take(5))
        {
            text.Append(CultureInfoInvariant($"\n    at {node.Target}: {node.Html}"));
        }

        return text.ToString();
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
