namespace PhaseTracker.Tracking;

/// <summary>Line arithmetic over a document's text: where lines start, which line an offset is on.</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
        NewLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
    }

    public string Text { get; }

    /// <summary>The line ending the document uses (CRLF where it has any, else LF): new text follows it.</summary>
    public string NewLine { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>Offset where the 0-based line starts; the text's length past the last line.</summary>
    public int LineStart(int line) => line < _lineStarts.Length ? _lineStarts[line] : Text.Length;

    /// <summary>0-based line of an offset.</summary>
    public int LineOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Offset of the end of the line holding <paramref name="offset"/>, before its line ending.</summary>
    public int LineEnd(int offset)
    {
        var end = Text.IndexOf('\n', offset);
        if (end < 0)
        {
            end = Text.Length;
        }

        if (end > 0 && end > offset && Text[end - 1] == '\r')
        {
            end--;
        }

        return end;
    }

    public static string NewLineOf(string text) => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
}
