using Markdig.Syntax;

namespace PhaseTracker.Tracking;

/// <summary>Changes, removes and adds "**Label:** value" fields of one section, leaving every other line alone.</summary>
internal sealed class FieldPatcher
{
    private readonly TextEdits _edits;
    private readonly int _insertAt;
    private readonly string _insertPrefix;

    public FieldPatcher(TextEdits edits, IEnumerable<Block> blocks)
    {
        _edits = edits;
        var text = edits.Source.Text;

        // New fields go before the "---" that closes the section, or at its end.
        var rule = blocks.LastOrDefault() as ThematicBreakBlock;
        if (rule is not null)
        {
            _insertAt = edits.Source.LineStart(rule.Line);
            _insertPrefix = "";
        }
        else
        {
            _insertAt = text.Length;
            var nl = edits.Source.NewLine;
            _insertPrefix = text.EndsWith(nl + nl, StringComparison.Ordinal) ? "" : text.EndsWith('\n') ? nl : nl + nl;
        }
    }

    private string NewLine => _edits.Source.NewLine;

    public void Scalar(Field? field, string? value, string label)
    {
        if (field is null)
        {
            if (!string.IsNullOrEmpty(value))
            {
                Insert($"**{label}:** {value}{NewLine}{NewLine}");
            }

            return;
        }

        if (string.IsNullOrEmpty(value))
        {
            Remove(field);
            return;
        }

        var text = _edits.Source.Text;
        var spacer = field.ValueStart == field.ValueEnd && field.ValueStart > 0 && !char.IsWhiteSpace(text[field.ValueStart - 1]) ? " " : "";
        _edits.Replace(field.ValueStart, field.ValueEnd, spacer + value);
    }

    public void List(Field? field, IReadOnlyList<ListWriter.Entry> old, IReadOnlyList<ListWriter.Entry> updated, bool ordered, string label)
    {
        if (field?.List is not null)
        {
            if (updated.Count == 0)
            {
                Remove(field);
            }
            else
            {
                ListWriter.Patch(_edits, field.List, old, updated);
            }

            return;
        }

        if (updated.Count == 0)
        {
            return;
        }

        var list = ListWriter.Render(updated, ordered, NewLine);
        if (field is not null)
        {
            // A label with no list under it yet: the list goes right below the label.
            _edits.Insert(_edits.NextLineStart(field.ValueEnd), list);
            return;
        }

        Insert($"**{label}:**{NewLine}{list}{NewLine}");
    }

    private void Insert(string text) => _edits.Insert(_insertAt, _insertPrefix + text);

    private void Remove(Field field)
    {
        var source = _edits.Source;
        if (!field.OwnsParagraph)
        {
            _edits.Replace(field.EntryStart, _edits.NextLineStart(field.EntryStart), "");
            return;
        }

        var end = field.List is not null ? _edits.BlockEnd(field.List) : _edits.BlockEnd(field.Paragraph);

        // Take one blank line after it too, so no double gap is left behind.
        var lineEnd = source.LineEnd(end);
        if (end < source.Text.Length && string.IsNullOrWhiteSpace(source.Text[end..lineEnd]))
        {
            end = source.LineStart(source.LineOf(end) + 1);
        }

        _edits.Replace(field.EntryStart, end, "");
    }
}
