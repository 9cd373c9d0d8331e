using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

using Microsoft.AspNetCore.Html;

namespace PhaseTracker.Web.Features.Shared;

/// <summary>
/// Renders text from a document (plan steps, notes, ADR context) as HTML that cannot run: raw HTML is
/// shown as text, and links keep only http, https, mailto and relative targets.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>One line of inline markdown ("Add `webpack-bundle-analyzer` to CI"), without a paragraph around it.</summary>
    public static IHtmlContent Inline(string? markdown) => Render(markdown, inline: true);

    /// <summary>Block markdown (a process section with lists and headings).</summary>
    public static IHtmlContent Block(string? markdown) => Render(markdown, inline: false);

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            // No scheme: a relative link (or "//host/...", which takes the page's http or https).
            return true;
        }

        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static HtmlString Render(string? markdown, bool inline)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return HtmlString.Empty;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "";
                link.IsImage = false;
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.Url = "";
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = inline && document.Count == 1 && document[0] is ParagraphBlock };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new HtmlString(writer.ToString().Trim());
    }
}
