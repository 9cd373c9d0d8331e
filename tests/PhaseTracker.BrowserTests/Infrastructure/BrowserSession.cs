using Microsoft.Playwright;

using PhaseTracker.BrowserTests.Pages;

namespace PhaseTracker.BrowserTests.Infrastructure;

/// <summary>One user's browser for one test: its own cookies, one tab, and what the page logged as errors.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly BrowserFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly List<string> _consoleErrors = [];

    public BrowserSession(BrowserFixture fixture, IBrowserContext context, IPage page, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        Context = context;
        Page = page;
        // A page that breaks the Content-Security-Policy or loads a missing file says so in the console.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add($"{page.Url}: {message.Text} ({message.Location})");
            }
        };
        // The console names a failed file only by the page; this names the file.
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                _consoleErrors.Add($"{page.Url}: {response.Request.ResourceType} {response.Url} answered {response.Status}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public AppServer App => _fixture.App;

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>Signs in through the sign-in page as a new user with the role, and lands on the dashboard.</summary>
    public async Task<TestUser> SignInAsNewUserAsync(string role)
    {
        var user = await App.CreateUserAsync(role);
        var login = await LoginPage.OpenAsync(Page);
        await login.SignInAsync(user.Email, user.Password);
        await Assertions.Expect(new AppLayout(Page).SignedInAs).ToHaveTextAsync(user.Email);
        return user;
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots and names the file in the test's output.</summary>
    public async Task<string> ScreenshotAsync(ILocator target, string name)
    {
        ArgumentNullException.ThrowIfNull(target);
        var path = Path.Combine(TestOutputFolder.Screenshots, $"{name}.png");
        await target.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        _output.WriteLine($"Screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
