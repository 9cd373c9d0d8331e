using System.Globalization;
using System.Text;

namespace PhaseTracker.Tracking;

/// <summary>
/// Line differences between two texts: for the unified diff that `check` prints, and for tests that
/// prove an edit changes only its own lines.
/// </summary>
public static class LineDiff
{
    /// <summary>Past this many lines × lines in the differing middle, the middle is shown as one replaced block.</summary>
    private const long MaxTableSize = 25_000_000;

    public enum Kind
    {
        Same,
        Removed,
        Added,
    }

    public readonly record struct Line(Kind Kind, string Text, int OldNumber, int NewNumber);

    /// <summary>Every line of both texts, marked same, removed or added, in order.</summary>
    public static List<Line> Compare(string before, string after)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var result = new List<Line>(Math.Max(a.Length, b.Length));
        for (var i = 0; i < prefix; i++)
        {
            result.Add(new Line(Kind.Same, a[i], i + 1, i + 1));
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)n * m > MaxTableSize)
        {
            for (var i = 0; i < n; i++)
            {
                result.Add(new Line(Kind.Removed, a[prefix + i], prefix + i + 1, 0));
            }

            for (var j = 0; j < m; j++)
            {
                result.Add(new Line(Kind.Added, b[prefix + j], 0, prefix + j + 1));
            }
        }
        else
        {
            // Longest common subsequence of the middle, then walk it.
            var table = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    table[i, j] = a[prefix + i] == b[prefix + j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    result.Add(new Line(Kind.Same, a[prefix + x], prefix + x + 1, prefix + y + 1));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || table[x + 1, y] >= table[x, y + 1]))
                {
                    result.Add(new Line(Kind.Removed, a[prefix + x], prefix + x + 1, 0));
                    x++;
                }
                else
                {
                    result.Add(new Line(Kind.Added, b[prefix + y], 0, prefix + y + 1));
                    y++;
                }
            }
        }

        for (var i = 0; i < suffix; i++)
        {
            var oldIndex = a.Length - suffix + i;
            var newIndex = b.Length - suffix + i;
            result.Add(new Line(Kind.Same, a[oldIndex], oldIndex + 1, newIndex + 1));
        }

        return result;
    }

    /// <summary>Only the changed lines, as "-old" and "+new".</summary>
    public static List<string> Changes(string before, string after) =>
        [.. Compare(before, after).Where(l => l.Kind != Kind.Same).Select(l => (l.Kind == Kind.Removed ? "-" : "+") + l.Text)];

    /// <summary>A unified diff with three lines of context; empty when the texts are equal.</summary>
    public static string Unified(string before, string after, string beforeName, string afterName)
    {
        if (before == after)
        {
            return "";
        }

        var lines = Compare(before, after);
        var builder = new StringBuilder();
        builder.Append("--- ").Append(beforeName).Append('\n').Append("+++ ").Append(afterName).Append('\n');
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Kind == Kind.Same)
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - 3);
            var end = i;
            var lastChange = i;
            while (end < lines.Count && end - lastChange <= 6)
            {
                if (lines[end].Kind != Kind.Same)
                {
                    lastChange = end;
                }

                end++;
            }

            end = Math.Min(lines.Count, lastChange + 4);
            var hunk = lines.GetRange(start, end - start);
            var oldStart = hunk.FirstOrDefault(l => l.OldNumber > 0).OldNumber;
            var newStart = hunk.FirstOrDefault(l => l.NewNumber > 0).NewNumber;
            builder.Append(CultureInfo.InvariantCulture, $"@@ -{oldStart},{hunk.Count(l => l.Kind != Kind.Added)} +{newStart},{hunk.Count(l => l.Kind != Kind.Removed)} @@\n");
            foreach (var line in hunk)
            {
                builder.Append(line.Kind switch { Kind.Removed => '-', Kind.Added => '+', _ => ' ' }).Append(Visible(line.Text)).Append('\n');
            }

            i = end;
        }

        return builder.ToString();
    }

    /// <summary>Lines without their line feed; a carriage return stays, so a CRLF/LF change shows as a change.</summary>
    private static string[] SplitLines(string text) => text.Split('\n');

    private static string Visible(string line) => line.EndsWith('\r') ? line[..^1] + "␍" : line;
}
