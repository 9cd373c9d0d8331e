namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>The <c>Auth</c> section of the settings.</summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>Anyone may browse (true, the default); false: every page but sign-in and health needs an account.</summary>
    public bool AllowAnonymousRead { get; set; } = true;

    /// <summary>Sign-in attempts allowed from one client address per <see cref="SignInWindowSeconds"/>.</summary>
    public int SignInPermitLimit { get; set; } = 10;

    public int SignInWindowSeconds { get; set; } = 60;
}
