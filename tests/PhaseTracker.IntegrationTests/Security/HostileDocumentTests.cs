using System.Net;

using AngleSharp.Dom;
using AngleSharp.Html.Parser;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.IntegrationTests.Security;

/// <summary>
/// A valid document with hostile text in every field (script tags, event handlers, javascript: and
/// data: links, raw HTML) imports; then no page the app serves carries executable markup or an unsafe link.
/// </summary>
public sealed class HostileDocumentTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    /// <summary>Seed text and what replaces it: every kind of field gets something hostile.</summary>
    private static readonly (string Find, string Replace)[] Hostility =
    [
        ("Phase 2 Tracking â€” Deferred Items", "Phase 2 Tracking â€” <script>alert('document')</script>"),
        ("**Purpose:** Track work", "**Purpose:** <img src=x onerror=alert('purpose')> Track work"),
        ("### 1. studio-settings-form.tsx Cleanup", "### 1. <script>alert('title')</script> Cleanup <svg onload=alert('title')>"),
        ("**File:** `webapp/components/features/settings/studio-settings-form.tsx`", "**File:** <a href=\"javascript:alert('file')\">file</a>"),
        ("**Owner:** [TBD]", "**Owner:** <b onmouseover=alert('owner')>[TBD]</b>"),
        ("- Local uncommitted changes present", "- Local <iframe src=\"javascript:alert('why')\"></iframe> changes [x](javascript:alert('why'))"),
        ("1. Review local edits with team", "1. Review [edits](javascript:alert('plan')) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and [entity](jav&#x61;script:alert('plan'))"),
        ("3. Integrate with unified HTTP client", "3. Integrate [x](https://ok.example){onclick=alert('attribute')} and {#id .class onmouseover=alert('attribute')}"),
        ("2. Decide: keep, refactor, or discard", "2. Decide: <a href=\"javascript:alert('raw')\" onclick=\"alert('raw')\">raw</a> ![img](javascript:alert('img')) <JAVASCRIPT:alert('auto')>"),
        ("- Vapi SDK moved server-side", "- Vapi SDK <object data=\"javascript:alert('done')\"></object> moved [  spaced](  javascript:alert('done'))"),
        ("- Automated bundle size tracking in CI", "- <style>body{display:none}</style><base href=\"https://evil.example/\"> tracking [vb](vbscript:msgbox('missing'))"),
        ("**Tracking Issue:** [Create in project management tool]", "**Tracking Issue:** [issue](javascript:alert('issue'))"),
        ("| Monitoring Dashboard | P0 | 8h | Critical | 2 | DevOps |", "| Monitoring <script>alert('matrix')</script> Dashboard | P0 | 8h | Critical <img src=x onerror=alert('impact')> | 2 | DevOps\"><svg onload=alert('owner')> |"),
        ("Day 3: Load Testing Suite", "Day 3: Load Testing <script>alert('day')</script>"),
        ("Implement Locust script", "Implement <img src=x onerror=alert('task')> script"),
        ("### ADR-001: Remove Prisma in Favor of SQLAlchemy", "### ADR-001: Remove <script>alert('adr')</script> Prisma <svg onload=alert('adr')>"),
        ("- Phase 1 audit found Prisma schema unused (0% utilization)", "- Phase 1 <img src=x onerror=alert('context')> found [it](javascript:alert('context'))"),
        ("- Remove Prisma entirely from webapp", "- Remove <a href=\"data:text/html,<script>alert(1)</script>\">Prisma</a> entirely"),
        ("- âœ… Simplified architecture (one ORM)", "- âœ… Simplified <details open ontoggle=alert('consequence')>x</details>"),
        ("   - Rejected: Maintains split-brain architecture", "   - Rejected: <script>alert('verdict')</script>"),
        ("- [Phase 1 Audit](../AUDIT.md)", "- [Phase 1 Audit](javascript:alert('related'))"),
        ("- [Benchmarks](./PHASE1_BENCHMARKS.md)", "- [Benchmarks](data:text/html;base64,PHNjcmlwdD4=)"),
        ("2. Explain why deferred", "2. Explain <script>alert('process')</script> [why](javascript:alert('process'))"),
        ("**Status:** Phase 2 Planning", "**Status:** Phase 2 <img src=x onerror=alert('footer')>"),
    ];

    private static readonly string[] LinkAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "cite"];

    private static readonly string[] ForbiddenElements = ["iframe", "object", "embed", "base", "frame", "frameset", "applet"];

    [Fact]
    public async Task Every_page_shows_a_hostile_document_without_executable_markup_or_unsafe_links()
    {
        var document = Seed.Utf8.GetString(Seed.Bytes);
        foreach (var (find, replace) in Hostility)
        {
            Assert.True(document.Contains(find, StringComparison.Ordinal), $"The seed no longer has '{find}'.");
            document = document.Replace(find, replace, StringComparison.Ordinal);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<ImportService>()
                .ImportAsync(Seed.Utf8.GetBytes(document), dryRun: false, CancellationToken.None);
            Assert.True(imported.Summary is not null, $"The hostile document was refused: {imported.Rejection}");
        }

        using var browser = factory.CreateBrowser();
        var parser = new HtmlParser();
        var failures = new List<string>();
        var pages = 0;
        foreach (var url in await PageUrlsAsync())
        {
            using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            pages++;
            using var html = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            failures.AddRange(Dangers(html).Select(danger => $"{url}: {danger}"));
        }

        Assert.True(pages >= 5, $"Only {pages} pages were checked.");
        Assert.Empty(failures);
    }

    [Fact]
    public void The_check_finds_scripts_handlers_and_unsafe_links()
    {
        using var html = new HtmlParser().ParseDocument(
            "<p onclick=\"x()\">a</p><script>alert(1)</script><script src=\"/lib/ok.js\"></script>"
            + "<a href=\" JaVa\tScRiPt:alert(1)\">b</a><a href=\"/items/1\">ok</a><a href=\"https://example.com\">ok</a>"
            + "<img src=\"data:image/svg+xml,x\"><iframe></iframe>");

        var dangers = Dangers(html).ToList();

        Assert.Equal(5, dangers.Count);
        Assert.Contains(dangers, d => d.StartsWith("an event handler onclick", StringComparison.Ordinal));
        Assert.Contains(dangers, d => d.StartsWith("a script element", StringComparison.Ordinal));
        Assert.Contains(dangers, d => d.StartsWith("an unsafe href", StringComparison.Ordinal));
        Assert.Contains(dangers, d => d.StartsWith("an unsafe src", StringComparison.Ordinal));
        Assert.Contains(dangers, d => d.StartsWith("a <iframe> element", StringComparison.Ordinal));
    }

    /// <summary>Every page the app maps (GET, HTML), with each item's and ADR's own page, and each list page with hostile query text too.</summary>
    private async Task<IReadOnlyList<string>> PageUrlsAsync()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        var itemIds = await db.DeferredItems.Select(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync();
        var adrNumbers = await db.DecisionRecords.Select(d => d.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync();
        const string HostileQuery = "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&owner=%22%3E%3Csvg%20onload%3Dalert(1)%3E&status=javascript:alert(1)&sort=%3Cb%3E&phase=2&returnUrl=javascript:alert(1)";

        var urls = new List<string>();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .Where(e => !(e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api", StringComparison.OrdinalIgnoreCase))
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null);
        foreach (var endpoint in endpoints)
        {
            var parameters = endpoint.RoutePattern.Parameters;
            if (parameters.Count == 0)
            {
                var url = EndpointAuthorizationTests.UrlFor(endpoint.RoutePattern);
                urls.Add(url);
                urls.Add(url + HostileQuery);
                continue;
            }

            var values = parameters[0].Name switch
            {
                "id" => itemIds,
                "number" => adrNumbers,
                _ => [],
            };
            if (parameters.Count == 1)
            {
                urls.AddRange(values.Select(value => EndpointAuthorizationTests.UrlFor(endpoint.RoutePattern, _ => value)));
            }
        }

        return urls;
    }

    private static IEnumerable<string> Dangers(IDocument html)
    {
        foreach (var element in html.All)
        {
            var name = element.LocalName;
            if (name == "script" && !IsOwnScript(element))
            {
                yield return $"a script element: {Excerpt(element.OuterHtml)}";
            }

            if (ForbiddenElements.Contains(name) || (name == "meta" && element.GetAttribute("http-equiv") is not null))
            {
                yield return $"a <{name}> element: {Excerpt(element.OuterHtml)}";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"an event handler {attribute.Name} on <{name}>";
                }

                if (LinkAttributes.Contains(attribute.Name.ToLowerInvariant()) && !IsSafeUrl(attribute.Value))
                {
                    yield return $"an unsafe {attribute.Name} on <{name}>: {Excerpt(attribute.Value)}";
                }
            }
        }
    }

    // The app's own scripts: a file from its own folder, nothing inline.
    private static bool IsOwnScript(IElement script) =>
        script.GetAttribute("src") is { } src && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal)
        && string.IsNullOrWhiteSpace(script.TextContent);

    private static bool IsSafeUrl(string value)
    {
        // Browsers ignore whitespace and control characters inside a scheme: "java\tscript:" is "javascript:".
        var compact = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var delimiter = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (delimiter >= 0 && delimiter < colon))
        {
            return true;
        }

        return compact[..colon] is "http" or "https" or "mailto";
    }

    private static string Excerpt(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
