using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>The app's own error pages (404, 500, the 503 of a database outage): a heading, a message, a request id.</summary>
public sealed class ErrorPage(IPage page) : AppLayout(page)
{
    public ILocator Message => Page.Locator("main p").First;

    public ILocator RequestId => Page.Locator("main code");

    public ILocator BackToDashboard => Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Back to the dashboard" });
}
