using Microsoft.AspNetCore.Identity;

using PhaseTracker.Web.Features.Account;

namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>
/// Refuses the passwords attackers try first. Length is the rule (12 characters, no composition rules,
/// as NIST SP 800-63B advises); this list catches the long ones that are still guessed in seconds:
/// well-known passwords, one character repeated, the user's own email address.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<UserAccount>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789012345", "1234567890qwerty",
        "123456789abc", "abc123456789", "abcdefghijkl", "abcd12345678", "qwerty123456", "qwertyuiop12",
        "qwertyuiopasdf", "qwertyuiopasdfgh", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "q1w2e3r4t5y6",
        "password1234", "password12345", "password123456", "password123!", "passwordpassword", "password1234!",
        "p@ssw0rd1234", "p@ssword1234", "passw0rd1234", "iloveyou1234", "letmein12345", "welcome12345",
        "welcome123456", "changeme1234", "changeme123!", "administrator", "administrator1", "admin1234567",
        "admin123456789", "football1234", "baseball1234", "superman1234", "sunshine1234", "princess1234",
        "trustno1trustno1", "monkey123456", "dragon123456", "master123456", "secret123456", "letmeinletmein",
        "correcthorsebatterystaple", "correct horse battery staple", "phasetracker", "phasetracker1",
        "phasetracker123", "phasetracker2024", "phasetracker2025", "phasetracker2026",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var email = user.Email ?? user.UserName ?? "";
        var localPart = email.Split('@')[0];
        var refused = Common.Contains(password)
            || password.All(c => c == password[0])
            || (email.Length > 0 && password.Contains(email, StringComparison.OrdinalIgnoreCase))
            || (localPart.Length >= 4 && password.Equals(localPart, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(refused
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is among the first ones attackers try: choose another.",
            })
            : IdentityResult.Success);
    }
}
