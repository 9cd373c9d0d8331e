using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PhaseTracker.Tracking;

/// <summary>
/// A "**Label:** value" line of the document, found in Markdig's syntax tree: a strong emphasis that
/// opens a paragraph line and ends with a colon. A field whose value is empty and that a list follows
/// takes the list as its value ("**Why Deferred:**" and its bullets).
/// </summary>
internal sealed class Field
{
    public required string Label { get; init; }

    /// <summary>The label lower-cased with punctuation dropped ("what's done" → "whats done").</summary>
    public required string Key { get; init; }

    /// <summary>0-based line of the label.</summary>
    public int Line { get; init; }

    /// <summary>Offset of the start of the label's line.</summary>
    public int EntryStart { get; init; }

    /// <summary>Offsets of the value text, trimmed (empty when the value is a list).</summary>
    public int ValueStart { get; init; }
    public int ValueEnd { get; init; }

    public required string Value { get; init; }

    /// <summary>The list that follows a field with an empty value.</summary>
    public ListBlock? List { get; set; }

    /// <summary>The paragraph the field line belongs to.</summary>
    public required ParagraphBlock Paragraph { get; init; }

    /// <summary>Whether the field is the only line of its paragraph (so the whole paragraph can go).</summary>
    public bool OwnsParagraph { get; init; }
}

internal static class Fields
{
    /// <summary>Reads every field among <paramref name="blocks"/>, in order.</summary>
    public static List<Field> Read(SourceText source, IEnumerable<Block> blocks)
    {
        var fields = new List<Field>();
        Field? pendingList = null;
        foreach (var block in blocks)
        {
            if (block is ListBlock list && pendingList is not null)
            {
                pendingList.List = list;
                pendingList = null;
                continue;
            }

            pendingList = null;
            if (block is not ParagraphBlock paragraph)
            {
                continue;
            }

            var inParagraph = ReadParagraph(source, paragraph);
            fields.AddRange(inParagraph);
            if (inParagraph.Count > 0 && inParagraph[^1].Value.Length == 0)
            {
                pendingList = inParagraph[^1];
            }
        }

        return fields;
    }

    public static List<Field> ReadParagraph(SourceText source, ParagraphBlock paragraph)
    {
        var result = new List<Field>();
        if (paragraph.Inline is null)
        {
            return result;
        }

        var text = source.Text;
        var paragraphEnd = paragraph.Span.End + 1;
        var atLineStart = true;
        var singleLine = source.LineOf(paragraph.Span.Start) == source.LineOf(paragraph.Span.End);
        foreach (var inline in paragraph.Inline)
        {
            if (inline is LineBreakInline)
            {
                atLineStart = true;
                continue;
            }

            if (atLineStart && inline is EmphasisInline { DelimiterCount: 2 } strong && strong.Span.Start >= 0)
            {
                var label = PlainText(strong).Trim();
                if (label.EndsWith(':') && label.Length > 1)
                {
                    label = label[..^1].Trim();
                    var valueStart = strong.Span.End + 1;
                    var lineEnd = Math.Min(source.LineEnd(valueStart), paragraphEnd);
                    var start = valueStart;
                    var end = lineEnd;
                    while (start < end && char.IsWhiteSpace(text[start]))
                    {
                        start++;
                    }

                    while (end > start && char.IsWhiteSpace(text[end - 1]))
                    {
                        end--;
                    }

                    var line = source.LineOf(strong.Span.Start);
                    result.Add(new Field
                    {
                        Label = label,
                        Key = KeyOf(label),
                        Line = line,
                        EntryStart = source.LineStart(line),
                        ValueStart = start,
                        ValueEnd = end,
                        Value = text[start..end],
                        Paragraph = paragraph,
                        OwnsParagraph = singleLine,
                    });
                }
            }

            atLineStart = false;
        }

        return result;
    }

    /// <summary>The text of an inline and its children, without markup.</summary>
    public static string PlainText(Inline inline)
    {
        var builder = new StringBuilder();
        Append(inline, builder);
        return builder.ToString();

        static void Append(Inline inline, StringBuilder builder)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Append(child, builder);
                    }

                    break;
            }
        }
    }

    public static string KeyOf(string label)
    {
        var builder = new StringBuilder(label.Length);
        foreach (var c in label)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>The raw markdown of each item of a list: the first paragraph's lines joined by a space.</summary>
    public static string ItemText(SourceText source, ListItemBlock item)
    {
        foreach (var child in item)
        {
            if (child is ParagraphBlock paragraph)
            {
                return ParagraphText(source, paragraph);
            }
        }

        return "";
    }

    /// <summary>
    /// A paragraph's raw markdown from its span (Markdig hands its line groups back to a pool after
    /// parsing), with the lines of a wrapped paragraph joined by a space.
    /// </summary>
    public static string ParagraphText(SourceText source, LeafBlock paragraph)
    {
        if (paragraph.Span.Start < 0 || paragraph.Span.Length <= 0)
        {
            return "";
        }

        var raw = source.Text.AsSpan(paragraph.Span.Start, Math.Min(paragraph.Span.Length, source.Text.Length - paragraph.Span.Start));
        if (raw.IndexOf('\n') < 0)
        {
            return raw.Trim().ToString();
        }

        var builder = new StringBuilder(raw.Length);
        foreach (var line in raw.EnumerateLines())
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(trimmed);
        }

        return builder.ToString();
    }

    /// <summary>The items of a flat list as raw markdown.</summary>
    public static List<string> ListItems(SourceText source, ListBlock? list)
    {
        var items = new List<string>();
        if (list is null)
        {
            return items;
        }

        foreach (var block in list)
        {
            if (block is ListItemBlock item)
            {
                items.Add(ItemText(source, item));
            }
        }

        return items;
    }

    /// <summary>Each list item with the items of the first list nested in it (plan steps, alternatives).</summary>
    public static List<(string Text, List<string> Children)> NestedListItems(SourceText source, ListBlock? list)
    {
        var items = new List<(string, List<string>)>();
        if (list is null)
        {
            return items;
        }

        foreach (var block in list)
        {
            if (block is not ListItemBlock item)
            {
                continue;
            }

            var nested = item.OfType<ListBlock>().FirstOrDefault();
            items.Add((ItemText(source, item), ListItems(source, nested)));
        }

        return items;
    }
}
