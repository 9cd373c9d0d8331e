using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>What every page has: the header's navigation, the account links, the main heading.</summary>
public class AppLayout(IPage page)
{
    public IPage Page { get; } = page ?? throw new ArgumentNullException(nameof(page));

    public ILocator Navigation => Page.Locator("header nav");

    public ILocator MainHeading => Page.Locator("main h1");

    /// <summary>The account link in the header, which shows the signed-in user's email.</summary>
    public ILocator SignedInAs => Navigation.GetByTitle("Your account");

    public ILocator SignInLink => Navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });

    public ILocator SignOutButton => Navigation.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    /// <summary>Follows a link of the header's navigation (Dashboard, Items, Matrix, Roadmap, ADRs, Document, Users).</summary>
    public async Task FollowNavigationAsync(string name)
    {
        await Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task<DashboardPage> SignOutAsync()
    {
        await SignOutButton.ClickAsync();
        await Assertions.Expect(SignInLink).ToBeVisibleAsync();
        return new DashboardPage(Page);
    }

    /// <summary>Opens an address of the app (relative to its root) and checks the answer's status.</summary>
    protected static async Task<IResponse> GotoAsync(IPage page, string path, int expectedStatus = 200)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"{path} gave no response.");
        Assert.True(response.Status == expectedStatus, $"{path} answered {response.Status}, not {expectedStatus}.");
        return response;
    }
}
