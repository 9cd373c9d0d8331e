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

    [Fact]
    public async Task The_users_page_an_admin_sees_has_no_serious_accessibility_violation()
    {
        await using var session = await browser.NewSessionAsync(output);
        await session.SignInAsNewUserAsync(Roles.Admin);
        await ScanAsync(session, "/users", 200);
    }

    private async Task ScanAsync(BrowserSession session, string path, int status)
    {
        if (path == FirstItem)
        {
            path = await (await ItemsPage.OpenAsync(session.Page)).FirstItemPathAsync();
        }

        var response = await session.Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(status, response.Status);
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
