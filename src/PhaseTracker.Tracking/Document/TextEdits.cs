using System.Text;
using Markdig.Syntax;

namespace PhaseTracker.Tracking;

/// <summary>Replacements of spans of one text, applied together; everything between them stays byte for byte.</summary>
internal sealed class TextEdits(SourceText source)
{
    private readonly List<(int Start, int End, int Order, string Text)> _edits = [];

    public SourceText Source { get; } = source;

    public bool Any => _edits.Count > 0;

    public void Replace(int start, int end, string text)
    {
        if (end - start != text.Length || string.CompareOrdinal(Source.Text, start, text, 0, text.Length) != 0)
        {
            _edits.Add((start, end, _edits.Count, text));
        }
    }

    public void Insert(int at, string text) => _edits.Add((at, at, _edits.Count, text));

    public string Apply()
    {
        if (_edits.Count == 0)
        {
            return Source.Text;
        }

        var text = Source.Text;
        var builder = new StringBuilder(text.Length + 256);
        var position = 0;
        foreach (var (start, end, _, replacement) in _edits.OrderBy(e => e.Start).ThenBy(e => e.Order))
        {
            if (start < position)
            {
                continue;
            }

            builder.Append(text, position, start - position).Append(replacement);
            position = end;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    /// <summary>The offset just past the line that holds <paramref name="offset"/> (after its line ending).</summary>
    public int NextLineStart(int offset) => Source.LineStart(Source.LineOf(offset) + 1);

    /// <summary>Where a block's lines end: the start of the line after its last line.</summary>
    public int BlockEnd(Block block)
    {
        var last = block.Span.End;
        if (last >= Source.Text.Length)
        {
            return Source.Text.Length;
        }

        return NextLineStart(last);
    }
}
