using System.Text;
using Markdig;
using Markdig.Syntax;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>
/// Writes a roadmap week: its source as it was, with the theme and the day blocks patched where they
/// changed. Inside the code block every line that still says the same thing is kept as written (its
/// tree characters, its spacing, notes the reader does not model); only the day lines and task lines
/// that changed are rewritten, in the style of the lines around them.
/// </summary>
/// <remarks>
/// A block's linked items (<see cref="RoadmapBlock.ItemNumbers"/>) are not written: the document links a
/// block to an item only through its text, which the reader matches. A link a lead makes where the text
/// names no item lives in the database only, and the fingerprint leaves links out for that reason.
/// </remarks>
internal static class RoadmapWeekWriter
{
    private const string MiddleTask = "  ├─→ ";
    private const string LastTask = "  └─→ ";

    public static string Write(RoadmapWeek week, string newLine)
    {
        if (week.Source.Length == 0)
        {
            return New(week, newLine);
        }

        if (week.SourceFingerprint == Fingerprint.Of(week))
        {
            return week.Source;
        }

        var source = new SourceText(week.Source);
        var blocks = Markdown.Parse(source.Text, TrackingDocumentReader.Pipeline).ToList();
        var heading = blocks.OfType<HeadingBlock>().FirstOrDefault();
        if (heading is null || RoadmapWeekSection.ReadHeading(source, heading) is null)
        {
            return New(week, newLine);
        }

        var section = RoadmapWeekSection.Read(source, heading, blocks.SkipWhile(b => b != heading).Skip(1));
        var edits = new TextEdits(source);
        edits.Replace(section.Theme.Start, section.Theme.End, week.Theme);
        if (!SameBlocks(section.Week.Blocks, week.Blocks))
        {
            if (section.Code is { } code)
            {
                var start = source.LineStart(code.Line + 1);
                var end = Math.Max(start, code.ClosingFencedCharCount > 0 ? source.LineStart(source.LineOf(code.Span.End)) : edits.BlockEnd(code));
                edits.Replace(start, end, PatchBlocks(source.Text[start..end], week.Blocks, source.NewLine));
            }
            else if (week.Blocks.Count > 0)
            {
                edits.Insert(edits.NextLineStart(heading.Span.End), $"{source.NewLine}```{source.NewLine}{RoadmapWeekSection.WriteBlocks(week.Blocks, source.NewLine)}```{source.NewLine}");
            }
        }

        return edits.Apply();
    }

    /// <summary>A week that never came from a document, in the seed's style: heading, then its blocks in a code block.</summary>
    public static string New(RoadmapWeek week, string nl)
    {
        var builder = new StringBuilder();
        builder.Append("### Week ").Append(week.Number).Append(": ").Append(week.Theme).Append(nl);
        if (week.Blocks.Count > 0)
        {
            builder.Append("```").Append(nl).Append(RoadmapWeekSection.WriteBlocks(week.Blocks, nl)).Append("```").Append(nl);
        }

        return builder.Append(nl).ToString();
    }

    private static bool SameBlocks(List<RoadmapBlock> old, List<RoadmapBlock> updated) =>
        old.Count == updated.Count && old.Zip(updated).All(p => SameDayLine(p.First, p.Second) && p.First.Tasks.SequenceEqual(p.Second.Tasks));

    private static bool SameDays(RoadmapBlock a, RoadmapBlock b) => a.StartDay == b.StartDay && a.EndDay == b.EndDay;

    private static bool SameDayLine(RoadmapBlock a, RoadmapBlock b) => SameDays(a, b) && a.Title == b.Title;

    /// <summary>
    /// The code block's content for <paramref name="updated"/>, keeping every line of <paramref name="content"/>
    /// that still holds: blocks and tasks are paired with the old ones as a diff pairs lines.
    /// </summary>
    internal static string PatchBlocks(string content, IReadOnlyList<RoadmapBlock> updated, string nl)
    {
        var (preamble, old, epilogue) = Parse(content);
        var style = TaskStyle.Of(old.SelectMany(b => b.Tasks), MiddleTask, LastTask);
        var output = new List<string>(preamble);
        var k = 0;
        foreach (var (o, n) in Align(old, updated, (a, b) => SameDayLine(a.Block, b)))
        {
            if (n is not { } newIndex)
            {
                continue;
            }

            var block = updated[newIndex];
            var was = o is { } oldIndex ? old[oldIndex] : null;
            if (k > 0)
            {
                output.AddRange(was is not null && o > 0 ? was.Leading : [nl]);
            }

            output.Add(was is null ? $"{RoadmapWeekSection.DayLabel(block)}: {block.Title}{nl}" : PatchDayLine(was, block, nl));
            output.AddRange(was?.AfterHeader ?? []);
            WriteTasks(output, was, block.Tasks, was is null ? style : TaskStyle.Of(was.Tasks, style.Middle, style.Last), nl);
            k++;
        }

        output.AddRange(epilogue);
        var builder = new StringBuilder(content.Length + 64);
        for (var i = 0; i < output.Count; i++)
        {
            builder.Append(output[i]);
            if (i < output.Count - 1 && !output[i].EndsWith('\n'))
            {
                builder.Append(nl);
            }
        }

        return builder.ToString();
    }

    private static string PatchDayLine(BlockLines was, RoadmapBlock block, string nl)
    {
        if (SameDayLine(was.Block, block))
        {
            return was.Header;
        }

        var (text, ending) = SplitEnding(was.Header);
        var line = RoadmapWeekSection.ReadLine(text, false);
        var builder = new StringBuilder(text);
        if (was.Block.Title != block.Title)
        {
            builder.Remove(line.TitleStart, line.TitleEnd - line.TitleStart).Insert(line.TitleStart, block.Title);
        }

        if (!SameDays(was.Block, block))
        {
            builder.Remove(line.Start, line.End - line.Start).Insert(line.Start, RoadmapWeekSection.DayLabel(block));
        }

        return builder.Append(ending.Length > 0 ? ending : nl).ToString();
    }

    private static void WriteTasks(List<string> output, BlockLines? was, List<string> tasks, TaskStyle style, string nl)
    {
        var old = was?.Tasks ?? [];
        var orphans = new List<string>();
        foreach (var (o, n) in Align(old, tasks, (a, b) => a.Text == b))
        {
            if (n is not { } newIndex)
            {
                // A note under a task that is gone stays in the block.
                orphans.AddRange(old[o!.Value].After);
                continue;
            }

            var last = newIndex == tasks.Count - 1;
            if (o is { } oldIndex)
            {
                var task = old[oldIndex];
                var wasLast = oldIndex == old.Count - 1;
                output.Add(task.Text == tasks[newIndex] && wasLast == last
                    ? task.Line
                    : task.Line[..task.Start].Replace(wasLast ? '└' : '├', last ? '└' : '├') + tasks[newIndex] + LineEnding(task.Line, nl));
                output.AddRange(task.After);
            }
            else
            {
                output.Add((last ? style.Last : style.Middle) + tasks[newIndex] + nl);
            }
        }

        output.AddRange(orphans);
    }

    /// <summary>Reads the code block's lines into blocks, keeping each line as written (with its line ending).</summary>
    private static (List<string> Preamble, List<BlockLines> Blocks, List<string> Epilogue) Parse(string content)
    {
        var lines = new List<string>();
        for (var start = 0; start < content.Length;)
        {
            var end = content.IndexOf('\n', start);
            end = end < 0 ? content.Length : end + 1;
            lines.Add(content[start..end]);
            start = end;
        }

        var preamble = new List<string>();
        var blocks = new List<BlockLines>();
        foreach (var line in lines)
        {
            var read = RoadmapWeekSection.ReadLine(SplitEnding(line).Text, blocks.Count > 0);
            if (read.Day is { } day)
            {
                var leading = blocks.Count == 0 ? preamble : TakeTrailingBlanks(blocks[^1]);
                blocks.Add(new BlockLines(day, line, leading));
            }
            else if (read.Task is { } task)
            {
                blocks[^1].Tasks.Add(new TaskLine(task, line, read.Start));
            }
            else if (blocks.Count == 0)
            {
                preamble.Add(line);
            }
            else if (blocks[^1].Tasks.Count == 0)
            {
                blocks[^1].AfterHeader.Add(line);
            }
            else
            {
                blocks[^1].Tasks[^1].After.Add(line);
            }
        }

        var epilogue = blocks.Count > 0 ? TakeTrailingBlanks(blocks[^1]) : [];
        return (preamble, blocks, epilogue);
    }

    /// <summary>The blank lines that end a block: they separate it from the next one, so they go with the next.</summary>
    private static List<string> TakeTrailingBlanks(BlockLines block)
    {
        var lines = block.Tasks.Count > 0 ? block.Tasks[^1].After : block.AfterHeader;
        var count = 0;
        while (count < lines.Count && string.IsNullOrWhiteSpace(lines[lines.Count - 1 - count]))
        {
            count++;
        }

        var blanks = lines.GetRange(lines.Count - count, count);
        lines.RemoveRange(lines.Count - count, count);
        return blanks;
    }

    /// <summary>
    /// Pairs old and new entries as a line diff does: the longest run of equal ones stays paired, and
    /// between two pairs, the old and new entries left over are paired in order (an edited entry).
    /// </summary>
    internal static List<(int? Old, int? New)> Align<TOld, TNew>(IReadOnlyList<TOld> old, IReadOnlyList<TNew> updated, Func<TOld, TNew, bool> equal)
    {
        var lengths = new int[old.Count + 1, updated.Count + 1];
        for (var i = old.Count - 1; i >= 0; i--)
        {
            for (var j = updated.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = equal(old[i], updated[j]) ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var pairs = new List<(int? Old, int? New)>();
        var removed = new List<int>();
        var added = new List<int>();
        void FlushGap()
        {
            for (var p = 0; p < Math.Max(removed.Count, added.Count); p++)
            {
                pairs.Add((p < removed.Count ? removed[p] : null, p < added.Count ? added[p] : null));
            }

            removed.Clear();
            added.Clear();
        }

        int x = 0, y = 0;
        while (x < old.Count || y < updated.Count)
        {
            if (x < old.Count && y < updated.Count && equal(old[x], updated[y]))
            {
                FlushGap();
                pairs.Add((x++, y++));
            }
            else if (y >= updated.Count || (x < old.Count && lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                removed.Add(x++);
            }
            else
            {
                added.Add(y++);
            }
        }

        FlushGap();
        return pairs;
    }

    private static (string Text, string Ending) SplitEnding(string line)
    {
        var ending = line.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : line.EndsWith('\n') ? "\n" : "";
        return (line[..^ending.Length], ending);
    }

    private static string LineEnding(string line, string nl)
    {
        var ending = SplitEnding(line).Ending;
        return ending.Length > 0 ? ending : nl;
    }

    private sealed record BlockLines(RoadmapBlock Block, string Header, List<string> Leading)
    {
        public List<string> AfterHeader { get; } = [];

        public List<TaskLine> Tasks { get; } = [];
    }

    /// <summary>A task line: its text, the line as written, where the text starts, and unknown lines under it.</summary>
    private sealed record TaskLine(string Text, string Line, int Start)
    {
        public List<string> After { get; } = [];
    }

    /// <summary>How new task lines start: the prefix of a middle task ("  ├─→ ") and of the last one ("  └─→ ").</summary>
    private sealed record TaskStyle(string Middle, string Last)
    {
        public static TaskStyle Of(IEnumerable<TaskLine> tasks, string middle, string last)
        {
            var list = tasks.ToList();
            string? foundMiddle = null;
            string? foundLast = null;
            foreach (var task in list)
            {
                var prefix = task.Line[..task.Start];
                if (prefix.Contains('└', StringComparison.Ordinal))
                {
                    foundLast ??= prefix;
                }
                else
                {
                    foundMiddle ??= prefix;
                }
            }

            foundMiddle ??= foundLast?.Replace('└', '├');
            foundLast ??= foundMiddle?.Contains('├', StringComparison.Ordinal) == true ? foundMiddle.Replace('├', '└') : foundMiddle;
            return new TaskStyle(foundMiddle ?? middle, foundLast ?? last);
        }
    }
}
