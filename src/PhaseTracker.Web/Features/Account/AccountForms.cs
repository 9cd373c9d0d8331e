using System.ComponentModel.DataAnnotations;

using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Account;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    // Bounded: PBKDF2 over a megabyte-long "password" would be a cheap way to burn the server's CPU.
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(256)]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(256)]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(256, MinimumLength = SecurityServices.MinimumPasswordLength, ErrorMessage = "The new password needs at least {2} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class NewTokenForm
{
    [StringLength(ApiTokenService.MaxNameLength)]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Read-only (for a CI job that exports)")]
    public bool ReadOnly { get; set; }

    [Range(1, ApiTokenService.MaxLifetimeDays, ErrorMessage = "A token lasts from 1 to {2} days.")]
    [Display(Name = "Expires after (days)")]
    public int ExpiresInDays { get; set; } = ApiTokenService.DefaultLifetimeDays;
}

/// <summary>The user's own page: who they are, their tokens, and a new token's secret the one time it is shown.</summary>
public sealed record AccountPage(string Email, string Role, IReadOnlyList<ApiToken> Tokens, DateTime UtcNow, string? Message)
{
    public NewTokenForm NewToken { get; init; } = new();

    public IssuedToken? Issued { get; init; }
}
