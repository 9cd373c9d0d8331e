using Microsoft.AspNetCore.Authentication.Cookies;

namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>
/// Names the sign-in cookie <c>__Host-NAME</c> on requests served over HTTPS (the browser then insists
/// on Secure, Path=/ and no Domain, so no other host or path can set or shadow it) and plain NAME over
/// HTTP, where browsers refuse the prefix. The scheme is known only per request, hence a cookie
/// manager rather than a fixed name.
/// </summary>
public sealed class HostPrefixCookieManager : ICookieManager
{
    public const string Prefix = "__Host-";

    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), options);

    private static string Name(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;
}
