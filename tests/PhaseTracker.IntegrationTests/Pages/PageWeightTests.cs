using System.IO.Compression;

using PhaseTracker.IntegrationTests.Infrastructure;

using Xunit.Abstractions;

namespace PhaseTracker.IntegrationTests.Pages;

public sealed class PageWeightTests(PhaseTrackerFactory factory, ITestOutputHelper output) : IClassFixture<PhaseTrackerFactory>
{
    /// <summary>The issue's budget: the CSS and JavaScript a page loads, gzip-compressed.</summary>
    private const int BudgetBytes = 100 * 1024;

    [Fact]
    public async Task Every_page_loads_at_most_100_KB_of_compressed_CSS_and_JavaScript()
    {
        using var client = factory.CreateClient();
        var compressed = new Dictionary<string, int>(StringComparer.Ordinal);
        var overBudget = new List<string>();

        foreach (var path in await BrowsePages.ResolveAsync(client))
        {
            var assets = HtmlTags.Read(await client.GetPageAsync(path))
                .Select(t => t.Name switch
                {
                    "link" when t["rel"]?.Split(' ').Contains("stylesheet", StringComparer.OrdinalIgnoreCase) == true => t["href"],
                    "script" => t["src"],
                    _ => null,
                })
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();

            var total = 0;
            foreach (var asset in assets)
            {
                if (!compressed.TryGetValue(asset, out var size))
                {
                    size = compressed[asset] = Gzipped(await client.GetByteArrayAsync(new Uri(asset, UriKind.RelativeOrAbsolute)));
                }

                total += size;
            }

            output.WriteLine($"{path}: {total / 1024.0:0.0} KB gzip in {assets.Count} files ({string.Join(", ", assets.Select(a => $"{a} {compressed[a] / 1024.0:0.0} KB"))})");
            if (total > BudgetBytes)
            {
                overBudget.Add($"{path}: {total / 1024.0:0.0} KB");
            }
        }

        Assert.True(overBudget.Count == 0, "Over the 100 KB budget: " + string.Join("; ", overBudget));
    }

    [Fact]
    public async Task No_page_carries_inline_script_inline_style_or_event_handler_attributes()
    {
        using var client = factory.CreateClient();
        var found = new List<string>();

        foreach (var path in await BrowsePages.ResolveAsync(client))
        {
            found.AddRange(HtmlTags.InlineScriptOrStyle(HtmlTags.Read(await client.GetPageAsync(path))).Select(f => $"{path}: {f}"));
        }

        foreach (var path in new[] { "/nope", "/adrs/999" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            found.AddRange(HtmlTags.InlineScriptOrStyle(HtmlTags.Read(await response.Content.ReadAsStringAsync())).Select(f => $"{path}: {f}"));
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    private static int Gzipped(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return (int)buffer.Length;
    }
}
