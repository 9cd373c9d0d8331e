using Microsoft.AspNetCore.Authentication;

namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>
/// What holds for every request with a bearer token, whatever endpoint it reaches: a token that does not
/// authenticate is refused (401) even where anonymous reading is open, so automation learns its token
/// went bad instead of silently reading as anonymous; and a read-only token may only read (403 for POST,
/// PUT, PATCH, DELETE).
/// </summary>
public static class BearerTokenRules
{
    public static IApplicationBuilder UseBearerTokenRules(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (BearerTokenHandler.TryGetToken(context.Request, out _))
        {
            var result = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult;
            if (result is not { Succeeded: true })
            {
                await context.ChallengeAsync(BearerTokenHandler.SchemeName);
                return;
            }

            var method = context.Request.Method;
            if (TokenClaims.IsReadOnly(context.User) && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)))
            {
                await ApiProblems.WriteForbiddenAsync(context, "This token is read-only.");
                return;
            }
        }

        await next(context);
    });
}
