namespace PhaseTracker.Web.Infrastructure;

public static class DefaultUrl
{
    public const string Url = "http://localhost:5080";

    private static readonly string[] AddressKeys = ["urls", "http_ports", "https_ports"];

    /// <summary>
    /// Listens on <see cref="Url"/> unless an address is configured in any of the usual ways
    /// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, <c>Kestrel:Endpoints</c>).
    /// A default in appsettings.json would instead override the environment variables.
    /// </summary>
    public static IWebHostBuilder UseDefaultUrl(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        var configured = AddressKeys.Any(key => !string.IsNullOrEmpty(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        return configured ? webHost : webHost.UseUrls(Url);
    }
}
