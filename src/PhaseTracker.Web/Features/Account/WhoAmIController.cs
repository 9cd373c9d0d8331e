using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Account;

/// <summary>Who the API sees: for a CI job to check its token, and for tests of the token handler.</summary>
public sealed record WhoAmI(string Email, string Role, bool ReadOnly, string SignedInWith);

[ApiController]
[Authorize]
public sealed class WhoAmIController : ControllerBase
{
    [HttpGet("/api/whoami")]
    public WhoAmI Get() => new(
        User.Identity?.Name ?? "",
        Roles.All.LastOrDefault(User.IsInRole) ?? Roles.Viewer,
        TokenClaims.IsReadOnly(User),
        TokenClaims.IsToken(User) ? "token" : "cookie");
}
