using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Items;

/// <summary>
/// A tracking issue or pull request as the document writes it: a markdown link ("[#1042](https://…)"),
/// a bare address, or plain words ("[Create in project management tool]"). It becomes a link only
/// where the target is an absolute http or https address; anything else is shown as the text it is.
/// </summary>
public sealed record ItemLink(string Text, string? Href)
{
    public static ItemLink? From(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (IsWebAddress(text))
        {
            return new ItemLink(text, text);
        }

        var inlines = (Markdown.Parse(text).FirstOrDefault() as ParagraphBlock)?.Inline;
        var only = inlines?.FirstChild is { } first && first.NextSibling is null ? first : null;
        return only switch
        {
            LinkInline { IsImage: false } link when IsWebAddress(link.Url) => new ItemLink(LinkText(link, text), link.Url!.Trim()),
            AutolinkInline { IsEmail: false } autolink when IsWebAddress(autolink.Url) => new ItemLink(autolink.Url, autolink.Url),
            _ => new ItemLink(text, null),
        };
    }

    private static bool IsWebAddress(string? url) =>
        SafeMarkdown.IsSafeUrl(url)
        && Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string LinkText(LinkInline link, string fallback)
    {
        var words = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
        return words.Length > 0 ? words : fallback;
    }
}
