using System.Net;

using Microsoft.AspNetCore.HttpOverrides;

namespace PhaseTracker.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy or load balancer: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed only from the addresses in <c>ForwardedHeaders:KnownProxies</c> (a list of IPs). None are
/// configured by default, and then nothing is forwarded: anyone could send those headers.
/// </summary>
public static class KnownProxies
{
    public const string Section = "ForwardedHeaders:KnownProxies";

    public static IReadOnlyList<IPAddress> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);

        // A list (KnownProxies:0, :1 ...) or, from an environment variable, one comma-separated value.
        var values = section.GetChildren().Select(child => child.Value).Append(section.Value)
            .SelectMany(value => (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return [.. values.Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{Section} holds '{value}', which is not an IP address."))];
    }

    /// <summary>First in the pipeline: HTTPS detection, secure cookies, the sign-in limit and the logs see the real client.</summary>
    public static IApplicationBuilder UseForwardedHeadersFromKnownProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = Read(configuration);
        if (proxies.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // One hop: the proxy in front of us. Its own X-Forwarded-For entries further left are the client's word.
            ForwardLimit = 1,
        };

        // The defaults trust loopback; only the configured addresses are trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
        }

        return app.UseForwardedHeaders(options);
    }
}
