using System.Globalization;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>
/// Sign-in attempts per client address: <c>Auth:SignInPermitLimit</c> (10) per
/// <c>Auth:SignInWindowSeconds</c> (60). Beyond that, 429 with Retry-After. Lockout guards one account;
/// this guards all of them against one client trying many.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) => services.AddRateLimiter(options =>
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Policy, context =>
        {
            // Read when a client's first attempt comes, so that test hosts can set it after Program registered this.
            var settings = context.RequestServices.GetRequiredService<IOptions<AuthSettings>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, settings.SignInPermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, settings.SignInWindowSeconds)),
                    QueueLimit = 0,
                });
        });
        options.OnRejected = async (context, cancellationToken) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                : 60;
            var response = context.HttpContext.Response;
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"Too many sign-in attempts from your address: try again in {seconds} seconds.", cancellationToken);
        };
    });
}
