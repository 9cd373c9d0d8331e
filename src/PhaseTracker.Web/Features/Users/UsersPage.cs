using System.ComponentModel.DataAnnotations;

using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Users;

public sealed class NewUserForm
{
    [Required(ErrorMessage = "Enter the email address.")]
    [EmailAddress(ErrorMessage = "That is not an email address.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required]
    [Display(Name = "Role")]
    public string Role { get; set; } = Roles.Viewer;
}

/// <summary>A password generated for someone, shown to the admin this once to hand over.</summary>
public sealed record HandedOverPassword(string Email, string Password, string What);

public sealed record UsersPage(IReadOnlyList<UserRow> Users, string? CurrentUserId)
{
    public NewUserForm NewUser { get; init; } = new();

    public HandedOverPassword? Password { get; init; }

    public string? Message { get; init; }

    public string? Error { get; init; }
}
