using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

using PhaseTracker.Web.Features.Account;

namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>Identity's sign-in, refusing disabled users both at sign-in and on every request after it.</summary>
public sealed class PhaseTrackerSignInManager(
    UserManager<UserAccount> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<UserAccount> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<UserAccount>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UserAccount> confirmation)
    : SignInManager<UserAccount>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(UserAccount user) =>
        user is { IsDisabled: false } && await base.CanSignInAsync(user);

    // The cookie's security stamp is checked on every request (ValidationInterval is zero): a disabled
    // user's cookie stops working on the next request even if the stamp had not changed.
    public override async Task<bool> ValidateSecurityStampAsync(UserAccount? user, string? securityStamp) =>
        user is { IsDisabled: false } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
