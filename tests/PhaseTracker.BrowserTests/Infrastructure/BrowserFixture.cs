using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Infrastructure;

/// <summary>
/// One app (on its own database) and one Chromium for every test in the <see cref="BrowserCollection"/>:
/// starting either costs seconds, a new browser context per test costs milliseconds and keeps the tests'
/// cookies apart.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Generous on purpose: the build machines have 2 cores shared with other builds.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public AppServer App { get; } = new();

    public Uri RootUri { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        RootUri = App.RootUri;
        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await ChromiumLauncher.LaunchAsync(_playwright);
    }

    /// <summary>A fresh browser context (no cookies) with one page, at the app's address.</summary>
    public async Task<BrowserSession> NewSessionAsync(ITestOutputHelper output)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = RootUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        return new BrowserSession(this, context, page, output);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
