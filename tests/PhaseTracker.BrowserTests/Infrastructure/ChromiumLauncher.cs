using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium (apt-get install chromium). Playwright's own browser download cannot work on the
/// build machines; its bundled driver does. In CI a missing browser fails the run; elsewhere Playwright's
/// own Chromium serves when it is installed.
/// </summary>
public static class ChromiumLauncher
{
    public const string DebianChromium = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var options = new BrowserTypeLaunchOptions { Headless = true, Args = Arguments, Timeout = (float)BrowserFixture.Timeout.TotalMilliseconds };
        if (File.Exists(DebianChromium))
        {
            options.ExecutablePath = DebianChromium;
        }
        else if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {DebianChromium}: install it with `apt-get install -y chromium` (.ci/run does so when it is missing).");
        }

        try
        {
            return await playwright.Chromium.LaunchAsync(options);
        }
        catch (PlaywrightException ex) when (options.ExecutablePath is null)
        {
            throw new InvalidOperationException($"The browser tests need Chromium: install it with `apt-get install -y chromium` (it goes to {DebianChromium}), or install Playwright's own Chromium.", ex);
        }
    }
}
