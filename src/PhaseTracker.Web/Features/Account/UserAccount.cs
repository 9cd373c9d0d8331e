using Microsoft.AspNetCore.Identity;

namespace PhaseTracker.Web.Features.Account;

/// <summary>
/// A person who signs in. The user name is the email address; the role (Viewer, Lead or Admin) is an
/// Identity role, exactly one per user.
/// </summary>
public sealed class UserAccount : IdentityUser
{
    /// <summary>A disabled user can neither sign in nor use a token; their sessions end on the next request.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedUtc { get; set; }

    public List<ApiToken> ApiTokens { get; } = [];
}
