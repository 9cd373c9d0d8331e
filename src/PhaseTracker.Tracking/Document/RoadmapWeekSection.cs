using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>
/// A roadmap week ("### Week 1: Critical Infrastructure") whose day blocks sit in a fenced code block:
/// "Day 1-2: Title" lines, each followed by its tasks drawn as a tree ("  ├─→ Set up metrics").
/// Markdig sees the code block as opaque text, so its lines are read here.
/// </summary>
internal sealed partial class RoadmapWeekSection
{
    private RoadmapWeekSection(RoadmapWeek week, FencedCodeBlock? code, (int Start, int End) theme)
    {
        Week = week;
        Code = code;
        Theme = theme;
    }

    public RoadmapWeek Week { get; }
    public FencedCodeBlock? Code { get; }
    public (int Start, int End) Theme { get; }

    public static (int Number, int ThemeStart, int ThemeEnd)? ReadHeading(SourceText source, HeadingBlock heading) =>
        NumberedHeading.Read(source, heading, HeadingPattern(), "theme");

    public static RoadmapWeekSection Read(SourceText source, HeadingBlock heading, IEnumerable<Block> body)
    {
        var (number, themeStart, themeEnd) = ReadHeading(source, heading)!.Value;
        var week = new RoadmapWeek
        {
            Number = number,
            Theme = source.Text[themeStart..themeEnd],
            Line = heading.Line + 1,
        };

        var code = body.OfType<FencedCodeBlock>().FirstOrDefault();
        if (code is not null)
        {
            week.Blocks = ReadBlocks(code);
        }

        return new RoadmapWeekSection(week, code, (themeStart, themeEnd));
    }

    private static List<RoadmapBlock> ReadBlocks(FencedCodeBlock code)
    {
        var blocks = new List<RoadmapBlock>();
        for (var i = 0; i < code.Lines.Count; i++)
        {
            var line = ReadLine(code.Lines.Lines[i].Slice.ToString(), blocks.Count > 0);
            if (line.Day is { } day)
            {
                blocks.Add(day);
            }
            else if (line.Task is { } task)
            {
                blocks[^1].Tasks.Add(task);
            }
        }

        return blocks;
    }

    /// <summary>
    /// What one line of a week's code block is: a day line ("Day 1-2: Title", with where its day label
    /// and title stand), a task under the last day line (with where its text starts), or anything else.
    /// The reader and the writer classify lines with this one method, so they agree on every line.
    /// </summary>
    public static CodeLine ReadLine(string line, bool underDay)
    {
        var day = DayPattern().Match(line);
        if (day.Success)
        {
            var block = new RoadmapBlock { Title = day.Groups["title"].Value.Trim() };
            if (day.Groups["start"].Success)
            {
                block.StartDay = int.Parse(day.Groups["start"].Value, CultureInfo.InvariantCulture);
                block.EndDay = day.Groups["end"].Success ? int.Parse(day.Groups["end"].Value, CultureInfo.InvariantCulture) : block.StartDay;
            }

            var title = day.Groups["title"];
            var titleStart = title.Index + (title.Value.Length - title.Value.TrimStart().Length);
            var titleEnd = titleStart + block.Title.Length;
            return new CodeLine(block, null, day.Groups["day"].Index, day.Groups["day"].Index + day.Groups["day"].Length, titleStart, titleEnd);
        }

        var trimmed = line.TrimStart(TreeCharacters);
        var task = trimmed.Trim();
        if (underDay && task.Length > 0 && line.Length > 0 && (char.IsWhiteSpace(line[0]) || "│├└-*•".Contains(line[0], StringComparison.Ordinal)))
        {
            return new CodeLine(null, task, line.Length - trimmed.Length, 0, 0, 0);
        }

        return new CodeLine(null, null, 0, 0, 0, 0);
    }

    private static readonly char[] TreeCharacters = [' ', '\t', '│', '├', '└', '─', '→', '-', '*', '•', '>'];

    /// <summary>The code block's content for <paramref name="blocks"/>, in the tree style the seed uses.</summary>
    public static string WriteBlocks(IReadOnlyList<RoadmapBlock> blocks, string newLine)
    {
        var builder = new StringBuilder();
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (b > 0)
            {
                builder.Append(newLine);
            }

            builder.Append(DayLabel(block)).Append(": ").Append(block.Title).Append(newLine);
            for (var t = 0; t < block.Tasks.Count; t++)
            {
                builder.Append(t == block.Tasks.Count - 1 ? "  └─→ " : "  ├─→ ").Append(block.Tasks[t]).Append(newLine);
            }
        }

        return builder.ToString();
    }

    public static string DayLabel(RoadmapBlock block) =>
        block.StartDay is null ? "Unscheduled"
        : block.EndDay is null || block.EndDay == block.StartDay ? $"Day {block.StartDay}"
        : $"Day {block.StartDay}-{block.EndDay}";

    [GeneratedRegex(@"^Week\s+(?<n>\d{1,6})\s*[:.\-–—]?\s*(?<theme>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingPattern();

    // [0-9], not \d: \d also takes other scripts' digits ("Day １２"), which int.Parse refuses.
    [GeneratedRegex(@"^\s*(?<day>Day\s+(?<start>[0-9]{1,4})(?:\s*[-–]\s*(?<end>[0-9]{1,4}))?|Unscheduled|TBD)\s*:\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DayPattern();
}

/// <summary>
/// A line of a week's code block, read: <see cref="Day"/> for a day line (its day label at
/// <see cref="Start"/>..<see cref="End"/>, its title at <see cref="TitleStart"/>..<see cref="TitleEnd"/>),
/// <see cref="Task"/> for a task (its text starting at <see cref="Start"/>), neither for other text.
/// </summary>
internal readonly record struct CodeLine(RoadmapBlock? Day, string? Task, int Start, int End, int TitleStart, int TitleEnd);
