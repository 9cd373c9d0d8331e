using Microsoft.AspNetCore.Authorization;

using PhaseTracker.Web.Features.Settings;

namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>Read the pages and the API: met by any signed-in user, and by anyone while anonymous reading is on.</summary>
public sealed class ReadRequirement : IAuthorizationRequirement
{
    public static readonly ReadRequirement Instance = new();
}

/// <summary>
/// Decides <see cref="ReadRequirement"/> with the settings in effect (<see cref="Workspace"/>: the saved
/// setting, else <c>Auth:AllowAnonymousRead</c>). They are cached under the data version, so an anonymous
/// request costs no query of its own, and an admin's change applies from the next request.
/// </summary>
public sealed class ReadRequirementHandler(Workspace workspace) : AuthorizationHandler<ReadRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
            return;
        }

        var cancellationToken = (context.Resource as HttpContext)?.RequestAborted ?? CancellationToken.None;
        if ((await workspace.GetAsync(cancellationToken)).AllowAnonymousRead)
        {
            context.Succeed(requirement);
        }
    }
}
