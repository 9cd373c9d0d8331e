using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>
/// The global antiforgery check, as <see cref="AutoValidateAntiforgeryTokenAttribute"/> does it (every
/// POST, PUT, PATCH and DELETE; 400 without a valid token), except for requests that carry a bearer
/// token: those are authenticated by the token alone, which a forged cross-site request cannot send,
/// so they need no antiforgery token. A request that relies on the cookie always needs one: in the
/// form, or in the <c>RequestVerificationToken</c> header for API calls.
/// </summary>
public sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IAsyncAuthorizationFilter, IAntiforgeryPolicy
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // [IgnoreAntiforgeryToken] or [ValidateAntiforgeryToken] on an action or controller wins.
        if (!context.IsEffectivePolicy<IAntiforgeryPolicy>(this))
        {
            return;
        }

        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || BearerTokenHandler.TryGetToken(request, out _))
        {
            return;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            context.Result = new AntiforgeryValidationFailedResult();
        }
    }
}
