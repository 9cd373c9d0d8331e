using System.Globalization;

namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>
/// A change to a list on a form, asked for by a submit button (<c>name="listAction" value="Blocks:remove:1"</c>):
/// the form comes back with the change made and nothing saved, so lists grow, shrink and reorder without
/// JavaScript. <see cref="List"/> names the list, <see cref="Verb"/> is add, remove, up or down, and
/// <see cref="Indexes"/> locate the entry (a task of a block has two: the block's and the task's).
/// </summary>
public sealed record ListAction(string List, string Verb, IReadOnlyList<int> Indexes)
{
    public const string FieldName = "listAction";

    public static ListAction? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = value.Split(':');
        if (parts.Length < 2)
        {
            return null;
        }

        var indexes = new List<int>();
        foreach (var part in parts.Skip(2))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return null;
            }

            indexes.Add(index);
        }

        return new ListAction(parts[0], parts[1], indexes);
    }

    /// <summary>The button value for a change: <c>Value("Tasks", "remove", 0, 2)</c> is "Tasks:remove:0:2".</summary>
    public static string Value(string list, string verb, params int[] indexes) =>
        string.Join(':', new[] { list, verb }.Concat(indexes.Select(i => i.ToString(CultureInfo.InvariantCulture))));

    /// <summary>
    /// Applies the verb to <paramref name="list"/> at <paramref name="index"/> (add appends a new entry);
    /// an index outside the list changes nothing, as a stale button should.
    /// </summary>
    public void ApplyTo<T>(List<T> list, int? index, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(create);
        switch (Verb)
        {
            case "add":
                list.Add(create());
                break;
            case "remove" when index is { } i && i >= 0 && i < list.Count:
                list.RemoveAt(i);
                break;
            case "up" when index is { } i && i > 0 && i < list.Count:
                (list[i - 1], list[i]) = (list[i], list[i - 1]);
                break;
            case "down" when index is { } i && i >= 0 && i < list.Count - 1:
                (list[i + 1], list[i]) = (list[i], list[i + 1]);
                break;
        }
    }
}
