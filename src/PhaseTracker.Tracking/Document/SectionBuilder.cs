using System.Text;

namespace PhaseTracker.Tracking;

/// <summary>Writes a new record's section in the seed document's style: heading, "**Label:** value" fields, lists, a closing rule.</summary>
internal sealed class SectionBuilder
{
    private readonly StringBuilder _builder = new();
    private readonly string _newLine;

    public SectionBuilder(string heading, string newLine)
    {
        _newLine = newLine;
        _builder.Append("### ").Append(heading).Append(newLine).Append(newLine);
    }

    public void Field(string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _builder.Append("**").Append(label).Append(":** ").Append(value).Append(_newLine).Append(_newLine);
        }
    }

    public void List(string label, IReadOnlyList<ListWriter.Entry> entries, bool ordered)
    {
        if (entries.Count > 0)
        {
            _builder.Append("**").Append(label).Append(":**").Append(_newLine)
                .Append(ListWriter.Render(entries, ordered, _newLine)).Append(_newLine);
        }
    }

    public override string ToString() => new StringBuilder().Append(_builder).Append("---").Append(_newLine).Append(_newLine).ToString();
}
