using System.Text.RegularExpressions;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Pages;

/// <summary>
/// A document written to attack the pages: markup and script URLs in every field the importer reads.
/// It is a valid document, so it imports; no page may then carry anything a browser would run.
/// </summary>
public sealed partial class HostileDocumentTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task A_document_with_markup_in_every_field_imports_as_a_valid_document()
    {
        var result = await factory.ImportAsync(Document);

        Assert.True(result.Accepted, $"Rejected: {result.Rejection}");
        Assert.Equal(9, result.Summary!.PhaseNumber);
        Assert.Equal(3, result.Summary.Items.Added + result.Summary.Items.Unchanged);
    }

    [Fact]
    public async Task No_page_carries_executable_markup_from_a_hostile_document()
    {
        using var client = factory.CreateClient();
        var layoutScripts = ScriptSources(await client.GetPageAsync("/"));
        await factory.ImportValidAsync(Document);

        var items = await client.GetPageAsync("/items");
        var paths = new List<string>(BrowsePages.Paths.Where(p => p != "/items/{item}"))
        {
            "/adrs/101",
            "/adrs/102",
            "/items?q=script",
            "/document?phase=9",
        };
        paths.AddRange(ItemLink().Matches(items).Select(m => m.Value[6..^1]).Distinct());
        Assert.Contains(paths, p => p.StartsWith("/items/", StringComparison.Ordinal));

        var found = new List<string>();
        foreach (var path in paths)
        {
            var page = await client.GetPageAsync(path);
            var tags = HtmlTags.Read(page);
            foreach (var tag in tags)
            {
                if (tag.Name == "script" && (tag["src"] is not { } src || !layoutScripts.Contains(src)))
                {
                    found.Add($"{path}: a <script> the layout does not load ({tag["src"] ?? tag.Content})");
                }

                if (tag.Name is "iframe" or "object" or "embed" or "frame" or "base")
                {
                    found.Add($"{path}: <{tag.Name}>");
                }

                foreach (var (name, value) in tag.Attributes)
                {
                    if (HtmlTags.IsExecutableUrl(value))
                    {
                        found.Add($"{path}: <{tag.Name} {name}=\"{value}\">");
                    }
                }
            }

            found.AddRange(HtmlTags.InlineScriptOrStyle(tags).Select(f => $"{path}: {f}"));
        }

        // The markup is shown as text, not dropped: the team sees what the document says.
        Assert.Contains("&lt;script&gt;alert('adr')&lt;/script&gt;", await client.GetPageAsync("/adrs/101"), StringComparison.Ordinal);

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    private static HashSet<string> ScriptSources(string page) =>
        [.. HtmlTags.Read(page).Where(t => t.Name == "script").Select(t => t["src"]).OfType<string>()];

    [GeneratedRegex("href=\"/items/\\d+\"")]
    private static partial Regex ItemLink();

    /// <summary>Phase 9, in the seed document's format, with markup and script URLs in every field.</summary>
    private const string Document = """
        # 📋 Phase 9 Tracking — <script>alert('title')</script>

        ## Overview

        **Purpose:** <img src=x onerror=alert('purpose')> Track <b onmouseover=alert('purpose')>hostile</b> work.

        **Status:** <script>alert('status')</script> → Phase 9 Planning

        **Timeline:** [two days](javascript:alert('timeline')) <iframe src="javascript:alert('timeline')"></iframe>

        ---

        ## 🎯 Deferred Items from Phase 8

        ### 1. <script>alert('item')</script> Cleanup

        **File:** `<script>alert('file')</script>`

        **Status:** 🟡 **<img src=x onerror=alert('status')>** (<script>alert('note')</script>)

        **Why Deferred:**
        - <img src=x onerror=alert('why')>
        - [click me](javascript:alert('why'))

        **What's Done:**
        - <svg onload=alert('done')></svg>

        **What's Missing:**
        - ![pixel](javascript:alert('missing'))
        - <a href="javascript:alert('missing')">raw link</a>

        **Plan for Phase 9:**
        1. <script>alert('plan')</script>
           - <img src=x onerror=alert('substep')>
           - [sub](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
        2. <a href="javascript:alert('plan')">plan link</a>

        **Estimated Effort:** 3 hours

        **Priority:** P1 (<script>alert('priority')</script>)

        **Impact:** <img src=x onerror=alert('impact')>

        **Owner:** <img src=x onerror=alert('owner')>

        **Tracking Issue:** [PT-1](javascript:alert('tracking'))

        ---

        ### 2. <img src=x onerror=alert('item2')> Done Work

        **Status:** ✅ **Complete**

        **Plan for Phase 9:**
        1. Ship it

        **Estimated Effort:** 2 hours

        **Priority:** P0 (Critical)

        **Owner:** <b onclick=alert('owner2')>DevOps</b>

        **Completed:** <script>alert('completed')</script>

        **PR:** [#1](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

        ---

        ### 3. Plain Title With Hostile Addresses

        **Status:** ❌ **Not Started**

        **Plan for Phase 9:**
        1. [Tabbed](java&#x09;script:alert('tab'))

        **Estimated Effort:** 1 hour

        **Priority:** P3 (Low)

        **Owner:** QA

        **Tracking Issue:** data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==

        **PR:** javascript:alert('pr')

        ---

        ## 📊 Phase 9 Priority Matrix

        | Item | Priority | Effort | Impact | Phase | Owner |
        |------|----------|--------|--------|-------|-------|
        | <script>alert('matrix')</script> Cleanup | P1 | 3h | <img src=x onerror=alert('impact')> | 9 | <script>alert('owner')</script> |
        | <img src=x onerror=alert('item2')> Done | P0 | 2h | Critical | 9 | [DevOps](javascript:alert('owner')) |
        | Plain Title | P3 | 1h | Low | 9 | QA |

        **Total Phase 9 Effort:** 6 hours (~0.8 developer-days)

        ---

        ## 🗺️ Phase 9 Roadmap

        ### Week 1: <script>alert('week')</script>
        ```
        Day 1: <img src=x onerror=alert('block')> Cleanup
          ├─→ <script>alert('task')</script>
          └─→ [x](javascript:alert('task'))

        Day 2-3: Plain Title With Hostile Addresses
          └─→ <svg onload=alert('task')>
        ```

        ---

        ## 📐 Architecture Decision Records (ADRs)

        ### ADR-101: <script>alert('adr')</script> Choose <img src=x onerror=alert('adr')>

        **Date:** <script>alert('date')</script>

        **Status:** Accepted ✅ <img src=x onerror=alert('status')>

        **Supersedes:** ADR-102

        **Context:**
        - <script>alert('context')</script>
        - [ctx](javascript:alert('context'))

        **Decision:**
        - <iframe src="javascript:alert('decision')"></iframe>
        - ![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)

        **Consequences:**
        - ✅ <img src=x onerror=alert('positive')>
        - ⚠️ <script>alert('negative')</script>

        **Alternatives Considered:**
        1. <script>alert('option')</script>
           - Rejected: <img src=x onerror=alert('reason')>
        2. [opt](javascript:alert('option'))
           - <b onmouseover=alert('verdict')>Maybe</b>: [why](data:text/html,hi)

        ---

        ### ADR-102: Older <script>alert('older')</script>

        **Date:** January 1, 2025

        **Status:** Superseded by ADR-101 <script>alert('superseded')</script>

        ---

        ## 🔄 Continuous Tracking

        ### How to Update This Document <script>alert('process')</script>

        <script>alert('block html')</script>

        <div onclick="alert('process')">raw block</div>

        1. [click](javascript:alert('process'))
        2. ![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
        3. <javascript:alert('autolink')>
        4. <style>body { display: none }</style>

        ---

        ## 📚 Related Documentation

        - [Script](javascript:alert('related'))
        - [Data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
        - [Upper](JAVASCRIPT:alert('related'))
        - [Tabbed](java&#x09;script:alert('related'))
        - [VB](vbscript:msgbox('related'))
        - [<script>alert('related')</script>](https://example.com/ok)

        ---

        **Last Updated:** <script>alert('updated')</script>
        **Version:** <img src=x onerror=alert('version')>
        **Status:** [x](javascript:alert('footer'))

        """;
}
