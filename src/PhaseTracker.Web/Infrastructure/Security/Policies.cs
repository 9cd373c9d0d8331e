using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>
/// Authorization policies, named for what they allow. Controllers and endpoints name one of these,
/// never a role: <c>[Authorize(Policy = Policies.CanEdit)]</c>.
/// </summary>
public static class Policies
{
    /// <summary>Browse pages and read the API: anyone while anonymous reading is on (the setting on <c>/settings</c>, else <c>Auth:AllowAnonymousRead</c>), else any signed-in user. Also the fallback for endpoints that name no policy.</summary>
    public const string CanRead = nameof(CanRead);

    /// <summary>Create and edit items, the roadmap and ADRs; defer and complete items: Lead or Admin.</summary>
    public const string CanEdit = nameof(CanEdit);

    /// <summary>Import a document (from the browser or the API): Lead or Admin.</summary>
    public const string CanImport = nameof(CanImport);

    /// <summary>Change the settings (the pinned current phase and friends): Lead or Admin.</summary>
    public const string CanChangeSettings = nameof(CanChangeSettings);

    /// <summary>Turn anonymous reading on or off on <c>/settings</c>: Admin (a lead changes the other settings).</summary>
    public const string CanChangeAnonymousRead = nameof(CanChangeAnonymousRead);

    /// <summary>List, add, change the role of, disable users: Admin.</summary>
    public const string CanManageUsers = nameof(CanManageUsers);

    internal static void Add(AuthorizationOptions options)
    {
        // Whether an anonymous request may read is a setting an admin changes while the app runs: the
        // requirement's handler asks the settings in effect on each request.
        var canRead = new AuthorizationPolicyBuilder().AddRequirements(ReadRequirement.Instance).Build();
        options.AddPolicy(CanRead, canRead);
        options.FallbackPolicy = canRead;

        options.AddPolicy(CanEdit, policy => policy.RequireRole(Roles.Lead, Roles.Admin).AddRequirements(WritingRequirement.Instance));
        options.AddPolicy(CanImport, policy => policy.RequireRole(Roles.Lead, Roles.Admin).AddRequirements(WritingRequirement.Instance));
        options.AddPolicy(CanChangeSettings, policy => policy.RequireRole(Roles.Lead, Roles.Admin).AddRequirements(WritingRequirement.Instance));
        options.AddPolicy(CanChangeAnonymousRead, policy => policy.RequireRole(Roles.Admin).AddRequirements(WritingRequirement.Instance));
        options.AddPolicy(CanManageUsers, policy => policy.RequireRole(Roles.Admin).AddRequirements(WritingRequirement.Instance));
    }

    internal sealed class Setup : IConfigureOptions<AuthorizationOptions>
    {
        public void Configure(AuthorizationOptions options) => Add(options);
    }
}

/// <summary>
/// Met by a cookie sign-in or a full token, never by a read-only token: the policies that allow a
/// change carry it, so a read-only token cannot change anything even where its owner could.
/// </summary>
public sealed class WritingRequirement : AuthorizationHandler<WritingRequirement>, IAuthorizationRequirement
{
    public static readonly WritingRequirement Instance = new();

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WritingRequirement requirement)
    {
        if (!TokenClaims.IsReadOnly(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
