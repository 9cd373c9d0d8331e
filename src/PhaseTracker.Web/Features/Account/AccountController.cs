using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

using PhaseTracker.Web.Features.Users;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Account;

/// <summary>Sign-in, sign-out, and the signed-in user's own page: password and personal API tokens.</summary>
[Authorize]
[Route("/account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountController(
    SignInManager<UserAccount> signIn,
    UserManager<UserAccount> users,
    UserAdministration administration,
    ApiTokenService tokens,
    TimeProvider clock) : Controller
{
    private const string WrongCredentials = "The email or the password is wrong.";

    // Checked against when the email is unknown, so that an unknown email takes as long as a wrong password.
    private static string? s_unknownUserHash;

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["password-changed"] = "Your password is changed; your other sessions have ended.",
        ["token-revoked"] = "The token is revoked: it no longer works.",
    };

    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(SignInRateLimit.Policy)]
    public async Task<IActionResult> Login(SignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            s_unknownUserHash ??= users.PasswordHasher.HashPassword(new UserAccount(), Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(new UserAccount(), s_unknownUserHash, form.Password);
            ModelState.AddModelError("", WrongCredentials);
            return View(form);
        }

        // A fresh cookie, with a new ticket, replaces whatever the browser had: nothing from before
        // sign-in (a planted cookie, another user's session) carries over.
        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? $"Too many wrong passwords: this account is locked for {users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes."
            : WrongCredentials);
        return View(form);
    }

    /// <summary>
    /// Signs out, and changes the security stamp: a copy of the cookie (from another tab, a stolen
    /// one) stops working too, as do the user's sessions elsewhere.
    /// </summary>
    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        return View(await PageAsync(user, status is null ? null : Messages.GetValueOrDefault(status), cancellationToken));
    }

    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("password")]
    [EnableRateLimiting(SignInRateLimit.Policy)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await CurrentUserAsync();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword) : nameof(form.NewPassword),
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is wrong." : error.Description);
            }

            return View(form);
        }

        // The new stamp ended every session of this user; this one gets a new cookie and goes on.
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect("/account?status=password-changed");
    }

    [HttpPost("tokens")]
    public async Task<IActionResult> CreateToken([Bind(Prefix = nameof(AccountPage.NewToken))] NewTokenForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await CurrentUserAsync();
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageAsync(user, null, cancellationToken) with { NewToken = form });
        }

        var issued = await tokens.IssueAsync(user, form.Name, form.ReadOnly, form.ExpiresInDays, cancellationToken);
        return View(nameof(Index), await PageAsync(user, null, cancellationToken) with { Issued = issued });
    }

    [HttpPost("tokens/{id:int}/revoke")]
    public async Task<IActionResult> RevokeToken(int id, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        return await tokens.RevokeAsync(user.Id, id, cancellationToken)
            ? LocalRedirect("/account?status=token-revoked")
            : NotFound();
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    // Signed in (the controller requires it), and the security stamp was checked on this very request.
    private async Task<UserAccount> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private async Task<AccountPage> PageAsync(UserAccount user, string? message, CancellationToken cancellationToken) => new(
        user.Email ?? "",
        await administration.GetRoleAsync(user),
        await tokens.ListAsync(user.Id, cancellationToken),
        clock.GetUtcNow().UtcDateTime,
        message);
}
