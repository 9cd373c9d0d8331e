using System.Security.Claims;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

using PhaseTracker.Web.Features.Account;

namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>
/// <c>Authorization: Bearer TOKEN</c> with a personal API token: the request acts as the token's owner
/// with the owner's current role (read-only tokens: reads only). Refusals are ProblemDetails, never
/// redirects.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    IUserClaimsPrincipalFactory<UserAccount> claimsFactory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string Refused = "The token is not valid: it is unknown, expired or revoked, or its user is disabled.";

    /// <summary>Whether the request carries a bearer token; such a request is authenticated by it alone, never by a cookie.</summary>
    public static bool TryGetToken(HttpRequest request, out string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        // "Bearer" alone counts too, as a token that is not valid, rather than as no token at all.
        if (header.StartsWith(SchemeName, StringComparison.OrdinalIgnoreCase)
            && (header.Length == SchemeName.Length || header[SchemeName.Length] == ' '))
        {
            token = header[SchemeName.Length..].Trim();
            return true;
        }

        token = "";
        return false;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryGetToken(Request, out var secret))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindActiveAsync(secret, Context.RequestAborted);
        if (token?.User is not { } user)
        {
            return AuthenticateResult.Fail(Refused);
        }

        // The same claims as a cookie sign-in (id, email, the role as it is now), plus the token's scope.
        var owner = await claimsFactory.CreateAsync(user);
        var identity = new ClaimsIdentity(owner.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(TokenClaims.Scope, token.IsReadOnly ? TokenClaims.ReadOnlyScope : TokenClaims.FullScope));
        identity.AddClaim(new Claim(TokenClaims.TokenId, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await ApiProblems.WriteUnauthorizedAsync(
            Context,
            result.Failure is null ? "This needs an account: sign in, or send a personal API token as 'Authorization: Bearer TOKEN'." : Refused);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteForbiddenAsync(Context, TokenClaims.IsReadOnly(Context.User)
            ? "This token is read-only."
            : "Your role does not allow this.");
}
