using System.Globalization;
using System.Text;
using Markdig.Syntax;

namespace PhaseTracker.Tracking;

/// <summary>
/// Rewrites a markdown list so that only what changed changes: items are aligned old to new by their
/// text; an item kept keeps its lines (and anything nested deeper than the model holds), a changed
/// item has only its text or its sub-items patched, and new items follow the list's own marker and
/// indentation.
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
        if (items.Count != old.Count)
        {
            return;
        }

        var style = Style.Of(source, list);
        var chunks = new List<(int Start, int End)>();
        for (var i = 0; i < items.Count; i++)
        {
            var start = source.LineStart(items[i].Line);
            var end = i + 1 < items.Count ? source.LineStart(items[i + 1].Line) : edits.BlockEnd(list);
            chunks.Add((start, end));
        }

        var listEnd = edits.BlockEnd(list);
        var needsLineBreak = listEnd == source.Text.Length && !source.Text.EndsWith('\n');

        // Walk the alignment: kept pairs, and gaps of removed and added items between them.
        var pairs = Align(old, updated);
        int x = 0, y = 0;
        foreach (var (keptOld, keptNew) in pairs.Append((old.Count, updated.Count)))
        {
            var removed = Enumerable.Range(x, keptOld - x).ToList();
            var added = Enumerable.Range(y, keptNew - y).ToList();

            // A removed item facing an added one is the same item edited: patch it in place.
            var edited = Math.Min(removed.Count, added.Count);
            for (var k = 0; k < edited; k++)
            {
                PatchItem(edits, items[removed[k]], old[removed[k]], updated[added[k]], style, added[k]);
            }

            for (var k = edited; k < removed.Count; k++)
            {
                edits.Replace(chunks[removed[k]].Start, chunks[removed[k]].End, "");
            }

            if (added.Count > edited)
            {
                var at = keptOld < old.Count ? chunks[keptOld].Start : listEnd;
                var builder = new StringBuilder();
                if (at == listEnd && needsLineBreak)
                {
                    builder.Append(source.NewLine);
                }

                for (var k = edited; k < added.Count; k++)
                {
                    builder.Append(style.Render(added[k], updated[added[k]], source.NewLine));
                }

                var text = builder.ToString();
                if (at == listEnd && needsLineBreak)
                {
                    text = text[..^source.NewLine.Length];
                }

                edits.Insert(at, text);
            }

            if (keptOld < old.Count)
            {
                PatchItem(edits, items[keptOld], old[keptOld], updated[keptNew], style, keptNew);
            }

            x = keptOld + 1;
            y = keptNew + 1;
        }
    }

    /// <summary>Patches one item in place: its number, its text, its sub-items.</summary>
    private static void PatchItem(TextEdits edits, ListItemBlock item, Entry old, Entry updated, Style style, int index)
    {
        var source = edits.Source;
        if (style.Ordered)
        {
            var lineStart = source.LineStart(item.Line);
            var digits = lineStart;
            while (digits < source.Text.Length && source.Text[digits] is ' ' or '\t')
            {
                digits++;
            }

            var digitsEnd = digits;
            while (digitsEnd < source.Text.Length && char.IsAsciiDigit(source.Text[digitsEnd]))
            {
                digitsEnd++;
            }

            edits.Replace(digits, digitsEnd, (style.Start + index).ToString(CultureInfo.InvariantCulture));
        }

        var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
        if (old.Text != updated.Text && paragraph is not null)
        {
            edits.Replace(paragraph.Span.Start, paragraph.Span.End + 1, updated.Text);
        }

        if (old.Children.SequenceEqual(updated.Children))
        {
            return;
        }

        var nested = item.OfType<ListBlock>().FirstOrDefault();
        if (nested is not null)
        {
            Patch(edits, nested, Plain(old.Children), Plain(updated.Children));
            return;
        }

        // Sub-items where there were none: below the item's text, indented under its marker.
        var at = paragraph is not null ? edits.BlockEnd(paragraph) : edits.NextLineStart(item.Span.Start);
        var builder = new StringBuilder();
        if (at == source.Text.Length && !source.Text.EndsWith('\n'))
        {
            builder.Append(source.NewLine);
        }

        foreach (var child in updated.Children)
        {
            builder.Append(style.ChildIndent(index)).Append(style.ChildMarker).Append(' ').Append(child).Append(source.NewLine);
        }

        edits.Insert(at, builder.ToString());
    }

    private static List<Entry> Plain(IEnumerable<string> texts) => [.. texts.Select(t => new Entry(t, []))];

    /// <summary>The longest common subsequence of the two lists by item text, as index pairs.</summary>
    private static List<(int Old, int New)> Align(IReadOnlyList<Entry> old, IReadOnlyList<Entry> updated)
    {
        var n = old.Count;
        var m = updated.Count;
        var table = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                table[i, j] = old[i].Text == updated[j].Text ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (old[x].Text == updated[y].Text)
            {
                pairs.Add((x, y));
                x++;
                y++;
            }
            else if (table[x + 1, y] >= table[x, y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return pairs;
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

        private string MarkerText(int index) =>
            Ordered ? $"{(Start + index).ToString(CultureInfo.InvariantCulture)}{Marker} " : $"{Marker} ";

        public string ChildIndent(int index) => Indent + new string(' ', MarkerText(index).Length);

        public string Render(int index, Entry entry, string newLine)
        {
            var builder = new StringBuilder();
            builder.Append(Indent).Append(MarkerText(index)).Append(entry.Text).Append(newLine);
            foreach (var child in entry.Children)
            {
                builder.Append(ChildIndent(index)).Append(ChildMarker).Append(' ').Append(child).Append(newLine);
            }

            return builder.ToString();
        }
    }
}
