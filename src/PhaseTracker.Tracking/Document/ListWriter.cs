using System.Globalization;
using System.Text;
using Markdig.Syntax;

namespace PhaseTracker.Tracking;

/// <summary>
/// Rewrites a markdown list so that only the items that changed change: an item whose text is the
/// same keeps its lines as written; new items follow the list's own marker and indentation.
/// </summary>
internal static class ListWriter
{
    public sealed record Entry(string Text, List<string> Children)
    {
        public bool SameAs(Entry other) => Text == other.Text && Children.SequenceEqual(other.Children);
    }

    public static void Patch(TextEdits edits, ListBlock list, IReadOnlyList<Entry> old, IReadOnlyList<Entry> updated)
    {
        if (old.Count == updated.Count && old.Zip(updated).All(p => p.First.SameAs(p.Second)))
        {
            return;
        }

        var source = edits.Source;
        var items = list.OfType<ListItemBlock>().ToList();
        var style = Style.Of(source, list);
        var chunks = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var start = source.LineStart(items[i].Line);
            var end = i + 1 < items.Count ? source.LineStart(items[i + 1].Line) : edits.BlockEnd(list);
            chunks.Add(source.Text[start..end]);
        }

        var builder = new StringBuilder();
        var used = new bool[old.Count];
        for (var i = 0; i < updated.Count; i++)
        {
            var reuse = -1;
            if (i < old.Count && !used[i] && old[i].SameAs(updated[i]))
            {
                reuse = i;
            }
            else if (!list.IsOrdered)
            {
                for (var j = 0; j < old.Count; j++)
                {
                    if (!used[j] && old[j].SameAs(updated[i]))
                    {
                        reuse = j;
                        break;
                    }
                }
            }

            if (reuse >= 0 && reuse < chunks.Count)
            {
                used[reuse] = true;
                var chunk = chunks[reuse];
                builder.Append(chunk);
                if (!chunk.EndsWith('\n'))
                {
                    builder.Append(source.NewLine);
                }
            }
            else
            {
                builder.Append(style.Render(i, updated[i], source.NewLine));
            }
        }

        var listStart = source.LineStart(list.Line);
        var listEnd = edits.BlockEnd(list);
        var text = builder.ToString();
        if (listEnd == source.Text.Length && !source.Text.EndsWith('\n') && text.EndsWith(source.NewLine, StringComparison.Ordinal))
        {
            text = text[..^source.NewLine.Length];
        }

        edits.Replace(listStart, listEnd, text);
    }

    /// <summary>A new list in the document's usual style (bullets "- ", numbers "1. ").</summary>
    public static string Render(IReadOnlyList<Entry> entries, bool ordered, string newLine)
    {
        var style = new Style("", ordered, ordered ? '.' : '-', 1, '-');
        var builder = new StringBuilder();
        for (var i = 0; i < entries.Count; i++)
        {
            builder.Append(style.Render(i, entries[i], newLine));
        }

        return builder.ToString();
    }

    private sealed record Style(string Indent, bool Ordered, char Marker, int Start, char ChildMarker)
    {
        public static Style Of(SourceText source, ListBlock list)
        {
            var first = list.OfType<ListItemBlock>().FirstOrDefault();
            var indent = "";
            if (first is not null)
            {
                var lineStart = source.LineStart(first.Line);
                var i = lineStart;
                while (i < source.Text.Length && source.Text[i] is ' ' or '\t')
                {
                    i++;
                }

                indent = source.Text[lineStart..i];
            }

            var child = list.Descendants<ListBlock>().FirstOrDefault(l => !l.IsOrdered);
            var start = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 1;
            return new Style(indent, list.IsOrdered, list.IsOrdered ? list.OrderedDelimiter : list.BulletType, start, child?.BulletType ?? '-');
        }

        public string Render(int index, Entry entry, string newLine)
        {
            var marker = Ordered ? $"{(Start + index).ToString(CultureInfo.InvariantCulture)}{Marker} " : $"{Marker} ";
            var builder = new StringBuilder();
            builder.Append(Indent).Append(marker).Append(entry.Text).Append(newLine);
            var childIndent = Indent + new string(' ', marker.Length);
            foreach (var child in entry.Children)
            {
                builder.Append(childIndent).Append(ChildMarker).Append(' ').Append(child).Append(newLine);
            }

            return builder.ToString();
        }
    }
}
