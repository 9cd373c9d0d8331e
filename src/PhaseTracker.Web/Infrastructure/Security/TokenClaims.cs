using System.Security.Claims;

namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>The claims a personal API token adds to its owner's.</summary>
public static class TokenClaims
{
    public const string Scope = "phasetracker:token-scope";
    public const string ReadOnlyScope = "read-only";
    public const string FullScope = "full";
    public const string TokenId = "phasetracker:token-id";

    public static bool IsReadOnly(ClaimsPrincipal user) => user.HasClaim(Scope, ReadOnlyScope);

    public static bool IsToken(ClaimsPrincipal user) => user.HasClaim(c => c.Type == Scope);
}
