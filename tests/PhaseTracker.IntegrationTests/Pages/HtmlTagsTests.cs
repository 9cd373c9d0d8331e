namespace PhaseTracker.IntegrationTests.Pages;

/// <summary>The page checks are only as good as the tag reader under them.</summary>
public sealed class HtmlTagsTests
{
    [Fact]
    public void Markup_shown_as_text_is_not_a_tag()
    {
        var tags = HtmlTags.Read("<p>&lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(1)&lt;/script&gt;</p>");

        Assert.Equal(["p"], tags.Select(t => t.Name));
        Assert.Empty(HtmlTags.InlineScriptOrStyle(tags));
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "<img onerror=\"alert(1)\">")]
    [InlineData("<DIV OnClick='go()'>x</DIV>", "<div onclick=\"go()\">")]
    [InlineData("<p style=\"color: red\">x</p>", "<p style=\"color: red\">")]
    [InlineData("<script>alert(1)</script>", "<script> with inline content: alert(1)")]
    [InlineData("<script src=\"/lib/x.js\">alert(1)</script>", "<script> with inline content: alert(1)")]
    [InlineData("<style>p { color: red }</style>", "<style> element: p { color: red }")]
    public void Inline_script_style_and_handlers_are_found(string html, string expected) =>
        Assert.Equal([expected], HtmlTags.InlineScriptOrStyle(HtmlTags.Read(html)));

    [Fact]
    public void A_script_loaded_by_address_is_not_inline()
    {
        var tags = HtmlTags.Read("<script src=\"/lib/bootstrap/dist/js/bootstrap.bundle.min.js\"></script><title>x</title>");

        Assert.Empty(HtmlTags.InlineScriptOrStyle(tags));
        Assert.Equal("/lib/bootstrap/dist/js/bootstrap.bundle.min.js", tags[0]["src"]);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("  JavaScript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("VBScript:msgbox(1)")]
    public void Script_and_data_addresses_are_executable_however_they_are_written(string url) =>
        Assert.True(HtmlTags.IsExecutableUrl(url));

    [Theory]
    [InlineData("https://example.com/javascript:")]
    [InlineData("/adrs/4")]
    [InlineData("mailto:team@example.com")]
    [InlineData("./data:notes.md")]
    public void Web_and_relative_addresses_are_not_executable(string url) =>
        Assert.False(HtmlTags.IsExecutableUrl(url));

    [Fact]
    public void Attribute_values_are_read_after_decoding_character_references()
    {
        var tag = Assert.Single(HtmlTags.Read("<a href=\"jav&#x61;script&#58;alert(1)\" title='a &amp; b'>x</a>"));

        Assert.True(HtmlTags.IsExecutableUrl(tag["href"]!));
        Assert.Equal("a & b", tag["title"]);
    }
}
