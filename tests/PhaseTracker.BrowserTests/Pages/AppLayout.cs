using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>What every page has: the header's navigation, the account links, the main heading.</summary>
public class AppLayout(IPage page)
{
    public IPage Page { get; } = page ?? throw new ArgumentNullException(nameof(page));

    public ILocator Navigation => Page.Locator("header nav");

    /// <summary>The workspace's name at the start of the navigation bar.</summary>
    public ILocator Brand => Page.Locator("header .navbar-brand");

    public ILocator MainHeading => Page.Locator("main h1");

    /// <summary>The account link in the header, which shows the signed-in user's email.</summary>
    public ILocator SignedInAs => Navigation.GetByTitle("Your account");

    public ILocator SignInLink => Navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });

    public ILocator SignOutButton => Navigation.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    /// <summary>Follows a link of the header's navigation (Dashboard, Items, Matrix, Roadmap, ADRs, Document, Users).</summary>
    public Task FollowNavigationAsync(string name) =>
        FollowAsync(Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }));

    /// <summary>
    /// Clicks a link and waits until the page it leads to has loaded, so that nothing after it reads the
    /// page it left (a click does not wait for the navigation it starts).
    /// </summary>
    protected async Task FollowAsync(ILocator link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The link has no href.");
        var target = new Uri(new Uri(Page.Url), href);
        await link.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url) == target, new() { WaitUntil = WaitUntilState.Load });
    }

    /// <summary>Clicks a form's submit button and waits until the page at an address that <paramref name="arrived"/> accepts has loaded.</summary>
    protected async Task SubmitAsync(ILocator button, Func<Uri, bool> arrived)
    {
        ArgumentNullException.ThrowIfNull(button);
        ArgumentNullException.ThrowIfNull(arrived);
        await button.ClickAsync();
        await Page.WaitForURLAsync(url => arrived(new Uri(url)), new() { WaitUntil = WaitUntilState.Load });
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
