using System.Text;
using Markdig;
using Markdig.Syntax;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>Writes a roadmap week: its source as it was, with the theme and the day blocks rewritten where they changed.</summary>
internal static class RoadmapWeekWriter
{
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
        var old = section.Week.Blocks;
        var same = old.Count == week.Blocks.Count && old.Zip(week.Blocks).All(p =>
            p.First.StartDay == p.Second.StartDay && p.First.EndDay == p.Second.EndDay && p.First.Title == p.Second.Title &&
            p.First.Tasks.SequenceEqual(p.Second.Tasks));
        if (!same)
        {
            var content = RoadmapWeekSection.WriteBlocks(week.Blocks, source.NewLine);
            if (section.Code is { } code)
            {
                var start = source.LineStart(code.Line + 1);
                var end = code.ClosingFencedCharCount > 0 ? source.LineStart(source.LineOf(code.Span.End)) : edits.BlockEnd(code);
                edits.Replace(start, Math.Max(start, end), content);
            }
            else
            {
                edits.Insert(edits.NextLineStart(heading.Span.End), $"{source.NewLine}```{source.NewLine}{content}```{source.NewLine}");
            }
        }

        return edits.Apply();
    }

    public static string New(RoadmapWeek week, string nl)
    {
        var builder = new StringBuilder();
        builder.Append("### Week ").Append(week.Number).Append(": ").Append(week.Theme).Append(nl);
        builder.Append("```").Append(nl).Append(RoadmapWeekSection.WriteBlocks(week.Blocks, nl)).Append("```").Append(nl).Append(nl);
        return builder.ToString();
    }
}
