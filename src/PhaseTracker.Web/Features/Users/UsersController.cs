using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Users;

/// <summary>The admin's page: list users, add one, change a role, disable or enable, reset a password.</summary>
[Authorize(Policy = Policies.CanManageUsers)]
[Route("/users")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class UsersController(UserAdministration administration, UserManager<UserAccount> users) : Controller
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["role-changed"] = "The role is changed; it applies from the user's next request.",
        ["disabled"] = "The user is disabled: their sessions and tokens stopped working.",
        ["enabled"] = "The user is enabled again.",
    };

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, CancellationToken cancellationToken) =>
        View(await PageAsync(cancellationToken) with { Message = status is null ? null : Messages.GetValueOrDefault(status) });

    [HttpPost("")]
    public async Task<IActionResult> Add([Bind(Prefix = nameof(UsersPage.NewUser))] NewUserForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return Refused(await PageAsync(cancellationToken) with { NewUser = form });
        }

        var added = await administration.AddAsync(form.Email, form.Role, password: null, cancellationToken);
        if (added.Error is { } error)
        {
            return Refused(await PageAsync(cancellationToken) with { NewUser = form, Error = error });
        }

        return View(nameof(Index), await PageAsync(cancellationToken) with
        {
            Password = new HandedOverPassword(added.User!.Email!, added.GeneratedPassword!, $"Added {added.User.Email} as {Roles.Parse(form.Role)}."),
        });
    }

    [HttpPost("{id}/role")]
    public Task<IActionResult> ChangeRole(string id, string role, CancellationToken cancellationToken) =>
        ChangeAsync(administration.ChangeRoleAsync(id, role, users.GetUserId(User), cancellationToken), "role-changed", cancellationToken);

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id, CancellationToken cancellationToken) =>
        ChangeAsync(administration.SetDisabledAsync(id, disabled: true, users.GetUserId(User), cancellationToken), "disabled", cancellationToken);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id, CancellationToken cancellationToken) =>
        ChangeAsync(administration.SetDisabledAsync(id, disabled: false, users.GetUserId(User), cancellationToken), "enabled", cancellationToken);

    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { Email: { } email })
        {
            return NotFound();
        }

        var reset = await administration.ResetPasswordAsync(email, password: null, cancellationToken);
        return reset.Error is { } error
            ? Refused(await PageAsync(cancellationToken) with { Error = error })
            : View(nameof(Index), await PageAsync(cancellationToken) with
            {
                Password = new HandedOverPassword(email, reset.GeneratedPassword!, $"Set a new password for {email}; their sessions have ended."),
            });
    }

    private async Task<IActionResult> ChangeAsync(Task<string?> change, string status, CancellationToken cancellationToken) =>
        await change is { } error
            ? Refused(await PageAsync(cancellationToken) with { Error = error })
            : LocalRedirect($"/users?status={status}");

    private ViewResult Refused(UsersPage page)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), page);
    }

    private async Task<UsersPage> PageAsync(CancellationToken cancellationToken) =>
        new(await administration.ListAsync(cancellationToken), users.GetUserId(User));
}
