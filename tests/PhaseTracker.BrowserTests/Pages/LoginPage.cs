using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/account/login: the sign-in form.</summary>
public sealed class LoginPage(IPage page) : AppLayout(page)
{
    public const string Path = "/account/login";

    public ILocator Email => Page.GetByLabel("Email");

    public ILocator Password => Page.GetByLabel("Password");

    public ILocator SubmitButton => Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" });

    /// <summary>The form's summary of what went wrong (the validation summary, shown as an alert).</summary>
    public ILocator Error => Page.Locator("main [role=alert]");

    public static async Task<LoginPage> OpenAsync(IPage page)
    {
        await GotoAsync(page, Path);
        return new LoginPage(page);
    }

    /// <summary>
    /// Fills in the form and submits it. It answers on the same address (a wrong password) or redirects
    /// (signed in): a test then waits for what it expects, such as <see cref="Error"/> or the header's email.
    /// </summary>
    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
    }
}
