using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Features.Users;
using PhaseTracker.Web.Infrastructure.Observability;

namespace PhaseTracker.Web.Infrastructure.Security;

public static class SecurityServices
{
    public const string CookieName = "PhaseTracker";
    public const string AntiforgeryCookieName = "PhaseTracker.Antiforgery";

    /// <summary>PBKDF2 iterations (HMAC-SHA512): OWASP's 2023 figure, twice Identity's default.</summary>
    public const int PasswordIterations = 210_000;

    public const int MinimumPasswordLength = 12;

    // The authentication scheme that picks the bearer token or the cookie for each request.
    private const string TokenOrCookie = "TokenOrCookie";

    /// <summary>
    /// Users, roles, passwords and API tokens: what both the web app and the <c>users</c> verbs need.
    /// </summary>
    public static IServiceCollection AddPhaseTrackerAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<UserAccount>(options =>
            {
                // Length is what makes a password strong; composition rules only make it harder to remember.
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PhaseTrackerDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.Configure<PasswordHasherOptions>(options =>
        {
            options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            options.IterationCount = PasswordIterations;
        });
        services.AddScoped<ApiTokenService>();
        services.AddScoped<UserAdministration>();
        return services;
    }

    /// <summary>
    /// Sign-in cookies, bearer tokens, the policies, antiforgery, sign-in rate limiting and HSTS: the web
    /// app's side of accounts.
    /// </summary>
    public static IServiceCollection AddPhaseTrackerSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.Section);
        services.AddProblemDetails();

        new IdentityBuilder(typeof(UserAccount), typeof(IdentityRole), services).AddSignInManager<PhaseTrackerSignInManager>();
        services.AddAuthentication(options => options.DefaultScheme = TokenOrCookie)
            .AddPolicyScheme(TokenOrCookie, null, options => options.ForwardDefaultSelector = context =>
                BearerTokenHandler.TryGetToken(context.Request, out _) ? BearerTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();

        // Every request checks the cookie's security stamp against the database, so that disabling a user,
        // changing their role or their password ends their sessions on the next request, not 30 minutes later.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CookieManager = new HostPrefixCookieManager();
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ReturnUrlParameter = "returnUrl";
            // While the database is away the stamp cannot be checked, and the request can neither read nor
            // change anything: it carries on as the cookie's user and ends on the friendly 503 page. Throwing
            // here instead would fail that error page too (the handler keeps its first result for the
            // request), and the browser would get an empty 503.
            options.Events.OnValidatePrincipal = async context =>
            {
                try
                {
                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                }
                catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
                {
                    // The page's own first database read answers 503 (UseDatabaseOutageResponses).
                }
            };
            options.Events.OnRedirectToLogin = context => ApiProblems.IsApi(context.Request)
                ? ApiProblems.WriteUnauthorizedAsync(context.HttpContext, "This needs an account: sign in, or send a personal API token as 'Authorization: Bearer TOKEN'.")
                : Redirect(context);
            options.Events.OnRedirectToAccessDenied = context => ApiProblems.IsApi(context.Request)
                ? ApiProblems.WriteForbiddenAsync(context.HttpContext, "Your role does not allow this.")
                : Redirect(context);
        });

        services.AddAuthorization();
        services.AddSingleton<IConfigureOptions<AuthorizationOptions>, Policies.Setup>();
        services.AddScoped<IAuthorizationHandler, ReadRequirementHandler>();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSignInRateLimit();
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
