using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/settings: the workspace's name, hours per developer-day, current phase, time zone.</summary>
public sealed class SettingsPage(IPage page) : AppLayout(page)
{
    public const string Path = "/settings";

    public ILocator WorkspaceName => Page.GetByLabel("Workspace name");

    public ILocator HoursPerDay => Page.GetByLabel("Hours per developer-day");

    /// <summary>The confirmation after a save ("Saved.").</summary>
    public ILocator Message => Page.Locator("#settings-message");

    public static async Task<SettingsPage> OpenAsync(IPage page)
    {
        await GotoAsync(page, Path);
        return new SettingsPage(page);
    }

    public async Task SaveAsync()
    {
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }), url => url.Query.Contains("status=", StringComparison.Ordinal));
    }
}
