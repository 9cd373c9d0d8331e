using System.Security.Cryptography;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Users;

/// <summary>What adding a user or resetting a password gave: the user, a generated password to show once, or why not.</summary>
public sealed record PasswordOutcome(UserAccount? User, string? GeneratedPassword, string? Error)
{
    public static PasswordOutcome Refused(string error) => new(null, null, error);
}

/// <summary>One line of the users page.</summary>
public sealed record UserRow(string Id, string Email, string Role, bool IsDisabled, DateTimeOffset? LockedOutUntil, DateTime CreatedUtc);

/// <summary>
/// Adding users, setting their role, disabling them and resetting passwords: what the users page and
/// the <c>users</c> verbs share. Every change that takes a right away changes the security stamp, so
/// the user's sign-in cookies stop working on their next request.
/// </summary>
public sealed class UserAdministration(UserManager<UserAccount> users, PhaseTrackerDbContext db, TimeProvider clock)
{
    // No look-alike characters (0/O, 1/l/I): people copy generated passwords by hand too.
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int GeneratedPasswordLength = 20;

    public static string GeneratePassword() => RandomNumberGenerator.GetString(PasswordAlphabet, GeneratedPasswordLength);

    public Task<UserAccount?> FindByEmailAsync(string email) => users.FindByEmailAsync(email.Trim());

    public async Task<string> GetRoleAsync(UserAccount user) => Strongest(await users.GetRolesAsync(user));

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).AsNoTracking().ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => Strongest(g.Select(r => r.Name!)));
        var now = clock.GetUtcNow();
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return
        [
            .. accounts.Select(u => new UserRow(
                u.Id,
                u.Email ?? u.UserName ?? "",
                roleOf.GetValueOrDefault(u.Id, Roles.Viewer),
                u.IsDisabled,
                u.LockoutEnd > now ? u.LockoutEnd : null,
                u.CreatedUtc)),
        ];
    }

    /// <summary>Adds a user with a role and the given password, or a generated one when none is given.</summary>
    public async Task<PasswordOutcome> AddAsync(string email, string role, string? password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        email = email.Trim();
        if (Roles.Parse(role) is not { } knownRole)
        {
            return PasswordOutcome.Refused($"'{role}' is not a role: choose {string.Join(", ", Roles.All)}.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return PasswordOutcome.Refused($"There is already a user {email}.");
        }

        var generated = password is null ? GeneratePassword() : null;
        var user = new UserAccount { UserName = email, Email = email, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password ?? generated!);
        if (!created.Succeeded)
        {
            return PasswordOutcome.Refused(Describe(created));
        }

        var added = await users.AddToRoleAsync(user, knownRole);
        if (!added.Succeeded)
        {
            return PasswordOutcome.Refused(Describe(added));
        }

        await transaction.CommitAsync(cancellationToken);
        return new PasswordOutcome(user, generated, null);
    }

    /// <summary>Sets a new password (the given one, or a generated one), unlocks the user and ends their sessions.</summary>
    public async Task<PasswordOutcome> ResetPasswordAsync(string email, string? password, CancellationToken cancellationToken)
    {
        if (await FindByEmailAsync(email) is not { } user)
        {
            return PasswordOutcome.Refused($"There is no user {email.Trim()}.");
        }

        var generated = password is null ? GeneratePassword() : null;
        var newPassword = password ?? generated!;
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, newPassword);
            if (!valid.Succeeded)
            {
                return PasswordOutcome.Refused(Describe(valid));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var step in new Func<Task<IdentityResult>>[]
                 {
                     () => users.RemovePasswordAsync(user),
                     () => users.AddPasswordAsync(user, newPassword),
                     () => users.SetLockoutEndDateAsync(user, null),
                     () => users.ResetAccessFailedCountAsync(user),
                 })
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return PasswordOutcome.Refused(Describe(result));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new PasswordOutcome(user, generated, null);
    }

    /// <summary>Gives the user another role; null when done, else why not.</summary>
    public async Task<string?> ChangeRoleAsync(string userId, string role, string? actingUserId, CancellationToken cancellationToken)
    {
        if (Roles.Parse(role) is not { } newRole)
        {
            return $"'{role}' is not a role: choose {string.Join(", ", Roles.All)}.";
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return "There is no such user.";
        }

        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == newRole)
        {
            return null;
        }

        if (newRole != Roles.Admin && await IsLastAdminAsync(user))
        {
            return $"{user.Email} is the last admin: make someone else admin first.";
        }

        if (user.Id == actingUserId)
        {
            return "You cannot change your own role: ask another admin.";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, newRole) : removed;
        var stamped = added.Succeeded ? await users.UpdateSecurityStampAsync(user) : added;
        if (!stamped.Succeeded)
        {
            return Describe(stamped);
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Disables or enables the user; null when done, else why not.</summary>
    public async Task<string?> SetDisabledAsync(string userId, bool disabled, string? actingUserId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return "There is no such user.";
        }

        if (disabled && user.Id == actingUserId)
        {
            return "You cannot disable your own account: ask another admin.";
        }

        if (disabled && await IsLastAdminAsync(user))
        {
            return $"{user.Email} is the last admin: make someone else admin first.";
        }

        user.IsDisabled = disabled;
        if (!disabled)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        // Saves the flag and a new stamp together: the user's cookies fail on their next request.
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? null : Describe(result);
    }

    private async Task<bool> IsLastAdminAsync(UserAccount user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Any(a => a.Id == user.Id) && !admins.Any(a => a.Id != user.Id && !a.IsDisabled);
    }

    private static string Strongest(IEnumerable<string> roles)
    {
        var names = roles.ToHashSet(StringComparer.Ordinal);
        return Roles.All.LastOrDefault(names.Contains) ?? Roles.Viewer;
    }

    /// <summary>Identity's first complaint, which is already one sentence ("Passwords must be at least 12 characters.").</summary>
    private static string Describe(IdentityResult result) =>
        result.Errors.FirstOrDefault()?.Description ?? "The change was refused.";
}
