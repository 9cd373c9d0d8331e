using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>
/// Writes a phase's tracking document by walking its layout: text the importer kept goes out as it
/// came in, and each record goes out as its source, patched only where its values changed. So a
/// document read and written with no edit comes back byte for byte, and an edit shows up in a diff
/// as only the lines it touched.
/// </summary>
public static partial class TrackingDocumentWriter
{
    /// <summary>Writes the phase's document; byte-identical to what was read when nothing changed.</summary>
    /// <param name="phase">The phase, with its items, matrix rows and roadmap weeks loaded.</param>
    /// <param name="decisionRecords">The decision records the phase's document carries.</param>
    /// <param name="hoursPerDay">How many hours make a developer-day in the totals.</param>
    /// <param name="diagrams">
    /// Whether to add a Mermaid gantt after the roadmap section and a quadrant chart after the matrix
    /// section where the document has none yet. Generated diagrams a document already has are written
    /// (from the current data) either way: they are part of the document.
    /// </param>
    public static string Write(Phase phase, IReadOnlyCollection<DecisionRecord> decisionRecords, double hoursPerDay = 8, bool diagrams = false)
    {
        var layout = phase.Layout.Count > 0 ? phase.Layout : NewLayout(phase);
        var newLine = layout.Where(s => s.Kind == SegmentKind.Raw && s.Text is not null)
            .Select(s => s.Text!.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : s.Text.Contains('\n', StringComparison.Ordinal) ? "\n" : null)
            .FirstOrDefault(n => n is not null) ?? "\n";

        var items = phase.Items.ToDictionary(i => i.Number);
        var rows = phase.MatrixRows.ToDictionary(r => r.Ordinal);
        var weeks = phase.RoadmapWeeks.ToDictionary(w => w.Number);
        var records = decisionRecords.ToDictionary(r => r.Number);
        var placedItems = layout.Where(s => s.Kind == SegmentKind.Item).Select(s => s.Number).ToHashSet();
        var placedWeeks = layout.Where(s => s.Kind == SegmentKind.RoadmapWeek).Select(s => s.Number).ToHashSet();
        var newWeeks = phase.RoadmapWeeks.Where(w => !placedWeeks.Contains(w.Number)).OrderBy(w => w.Number).ToList();

        // A layout read before RoadmapEnd existed: new weeks follow the last week (see LastWeekWithNew).
        var lastWeekSegment = newWeeks.Count > 0 && !layout.Any(s => s.Kind == SegmentKind.RoadmapEnd)
            ? layout.LastOrDefault(s => s.Kind == SegmentKind.RoadmapWeek)
            : null;
        var placedRecords = layout.Where(s => s.Kind == SegmentKind.DecisionRecord).Select(s => s.Number).ToHashSet();
        var columns = layout.FirstOrDefault(s => s.Kind == SegmentKind.MatrixEnd)?.Text?.Split('|') ?? [];

        // Where the roadmap and the matrix end in the text written so far: a new diagram goes after them.
        var roadmapEnd = -1;
        var matrixEnd = -1;
        var builder = new StringBuilder(phase.Items.Sum(i => i.Source.Length) + 4096);
        foreach (var segment in layout)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Raw:
                    builder.Append(segment.Text);
                    break;
                case SegmentKind.Field:
                    builder.Append(FieldValue(phase, segment, hoursPerDay));
                    if (segment.Key == PhaseField.Total && matrixEnd >= 0)
                    {
                        matrixEnd = builder.Length;
                    }

                    break;
                case SegmentKind.Diagram:
                    builder.Append(MermaidDiagrams.Write(segment.Key, phase, newLine));
                    break;
                case SegmentKind.Item:
                    if (items.TryGetValue(segment.Number, out var item))
                    {
                        builder.Append(ItemWriter.Write(item, phase.Number, newLine));
                    }

                    break;
                case SegmentKind.ItemsEnd:
                    foreach (var added in phase.Items.Where(i => !placedItems.Contains(i.Number)).OrderBy(i => i.Number))
                    {
                        builder.Append(ItemWriter.New(added, phase.Number, newLine));
                    }

                    break;
                case SegmentKind.MatrixRow:
                    if (rows.TryGetValue(segment.Number, out var row))
                    {
                        if (row.ItemNumber is not { } number)
                        {
                            builder.Append(row.Source);
                        }
                        else if (items.TryGetValue(number, out var rowItem))
                        {
                            builder.Append(MatrixRowWriter.Write(row, rowItem, columns, phase.Number));
                        }
                    }

                    break;
                case SegmentKind.MatrixEnd:
                    if (columns.Length > 0)
                    {
                        if (builder.Length > 0 && builder[^1] != '\n' && phase.Items.Any(i => !placedItems.Contains(i.Number)))
                        {
                            builder.Append(newLine);
                        }

                        foreach (var added in phase.Items.Where(i => !placedItems.Contains(i.Number)).OrderBy(i => i.Number))
                        {
                            builder.Append(MatrixRowWriter.New(added, columns, phase.Number, newLine));
                        }
                    }

                    matrixEnd = builder.Length;
                    break;
                case SegmentKind.RoadmapWeek:
                    if (weeks.TryGetValue(segment.Number, out var week))
                    {
                        var written = RoadmapWeekWriter.Write(week, newLine);
                        builder.Append(segment == lastWeekSegment ? LastWeekWithNew(written, newWeeks, newLine) : written);
                    }

                    roadmapEnd = builder.Length;
                    break;
                case SegmentKind.RoadmapEnd:
                    foreach (var added in newWeeks)
                    {
                        builder.Append(RoadmapWeekWriter.New(added, newLine));
                    }

                    roadmapEnd = builder.Length;
                    break;
                case SegmentKind.DecisionRecord:
                    if (records.TryGetValue(segment.Number, out var record))
                    {
                        builder.Append(DecisionRecordWriter.Write(record, newLine));
                    }

                    break;
                case SegmentKind.DecisionRecordsEnd:
                    foreach (var added in decisionRecords.Where(r => !placedRecords.Contains(r.Number)).OrderBy(r => r.Number))
                    {
                        builder.Append(DecisionRecordWriter.New(added, newLine));
                    }

                    break;
            }
        }

        // A document without a roadmap or an ADR section has no place for a week or record added in a
        // form: rather than leave it out of the file silently, it goes in a section of its own at the end.
        var weeksPlaced = layout.Any(s => s.Kind is SegmentKind.RoadmapEnd or SegmentKind.RoadmapWeek);
        var recordsPlaced = layout.Any(s => s.Kind == SegmentKind.DecisionRecordsEnd);
        var unplacedRecords = recordsPlaced ? [] : decisionRecords.Where(r => !placedRecords.Contains(r.Number)).OrderBy(r => r.Number).ToList();
        if ((!weeksPlaced && newWeeks.Count > 0) || unplacedRecords.Count > 0)
        {
            if (builder.Length > 0 && builder[^1] != '\n')
            {
                builder.Append(newLine);
            }

            if (!weeksPlaced && newWeeks.Count > 0)
            {
                builder.Append(newLine).Append("## Roadmap").Append(newLine).Append(newLine);
                foreach (var added in newWeeks)
                {
                    builder.Append(RoadmapWeekWriter.New(added, newLine));
                }

                roadmapEnd = builder.Length;
            }

            if (unplacedRecords.Count > 0)
            {
                builder.Append(newLine).Append("## Architecture Decision Records (ADRs)").Append(newLine).Append(newLine);
                foreach (var added in unplacedRecords)
                {
                    builder.Append(DecisionRecordWriter.New(added, newLine));
                }
            }
        }

        if (!diagrams)
        {
            return builder.ToString();
        }

        var has = layout.Where(s => s.Kind == SegmentKind.Diagram).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var additions = new List<(int Anchor, string Diagram)>();
        if (matrixEnd >= 0 && phase.Items.Count > 0 && !has.Contains(MermaidDiagrams.QuadrantKey))
        {
            additions.Add((matrixEnd, MermaidDiagrams.QuadrantChart(phase, newLine)));
        }

        if (roadmapEnd >= 0 && phase.RoadmapWeeks.Count > 0 && !has.Contains(MermaidDiagrams.GanttKey))
        {
            additions.Add((roadmapEnd, MermaidDiagrams.Gantt(phase, newLine)));
        }

        // From the end backwards, so the offsets of the earlier insertions still hold.
        var text = builder.ToString();
        var places = additions.Select(a => (At: SectionClose(text, a.Anchor), a.Anchor, a.Diagram)).OrderByDescending(a => a.At).ThenByDescending(a => a.Anchor);
        foreach (var (at, _, diagram) in places.ToList())
        {
            var before = text[..at];
            var blankLineBefore = before.Length == 0 || before.EndsWith("\n\n", StringComparison.Ordinal) || before.EndsWith("\n\r\n", StringComparison.Ordinal)
                ? ""
                : before.EndsWith('\n') ? newLine : newLine + newLine;
            text = before + blankLineBefore + diagram + (at < text.Length ? newLine : "") + text[at..];
        }

        return text;
    }

    /// <summary>
    /// Where the section holding <paramref name="anchor"/> closes: the start of the first line after it
    /// that is a rule (<c>---</c>) or a heading of level 1 or 2, outside code fences; the end of the text
    /// where there is none.
    /// </summary>
    private static int SectionClose(string text, int anchor)
    {
        var position = anchor;
        if (position > 0 && text[position - 1] != '\n')
        {
            var next = text.IndexOf('\n', position);
            position = next < 0 ? text.Length : next + 1;
        }

        var inFence = false;
        while (position < text.Length)
        {
            var next = text.IndexOf('\n', position);
            var end = next < 0 ? text.Length : next + 1;
            var line = text[position..end].TrimEnd('\n', '\r');
            if (!inFence && (Rule().IsMatch(line) || SectionHeading().IsMatch(line)))
            {
                return position;
            }

            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
            }

            position = end;
        }

        return text.Length;
    }

    /// <summary>
    /// The last week of a layout that has no <see cref="SegmentKind.RoadmapEnd"/>, followed by the new
    /// weeks. That week's text may end with the rule that closes the roadmap section (the reader then
    /// counted it as the week's): the new weeks go before the rule, so they stay inside the section.
    /// </summary>
    private static string LastWeekWithNew(string written, List<RoadmapWeek> newWeeks, string newLine)
    {
        var added = string.Concat(newWeeks.Select(w => RoadmapWeekWriter.New(w, newLine)));
        var blocks = Markdig.Markdown.Parse(written, TrackingDocumentReader.Pipeline);
        if (blocks.LastChild is Markdig.Syntax.ThematicBreakBlock rule && blocks.Count > 1)
        {
            var at = new SourceText(written).LineStart(rule.Line);
            return written[..at] + added + written[at..];
        }

        return written.EndsWith(newLine + newLine, StringComparison.Ordinal) || !written.EndsWith('\n')
            ? written + added
            : written + newLine + added;
    }

    private static string FieldValue(Phase phase, LayoutSegment segment, double hoursPerDay) => segment.Key switch
    {
        PhaseField.Title => phase.Title,
        PhaseField.Purpose => phase.Purpose ?? "",
        PhaseField.Status => phase.StatusLine ?? "",
        PhaseField.Timeline => phase.Timeline ?? "",
        PhaseField.LastUpdated => phase.LastUpdated ?? "",
        PhaseField.Version => phase.Version ?? "",
        PhaseField.FooterStatus => phase.FooterStatus ?? "",
        PhaseField.Total => segment.Tracked ? Total(segment.Text ?? "", phase.Items.Sum(i => i.EffortHours ?? 0), hoursPerDay) : segment.Text ?? "",
        _ => segment.Text ?? "",
    };

    /// <summary>
    /// Rewrites the numbers of "25 hours (~3.1 developer-days)" where they no longer add up: when the items'
    /// hours changed, or when the workspace counts another number of hours a day than the reader's 8 and
    /// the written days are the ones 8 hours a day gave (a figure that never added up stays as written).
    /// </summary>
    internal static string Total(string written, double hours, double hoursPerDay)
    {
        var numbers = NumberPattern().Matches(written);
        if (numbers.Count == 0 || (Values.ReadHours(written) == hours && !DaysFollowHoursPerDay(numbers, hours, hoursPerDay)))
        {
            return written;
        }

        var builder = new StringBuilder(written);
        for (var i = Math.Min(numbers.Count, 2) - 1; i >= 0; i--)
        {
            var match = numbers[i];
            var replacement = i == 0 ? Values.FormatNumber(hours) : Days(hours, hoursPerDay, match.Value);
            builder.Remove(match.Index, match.Length).Insert(match.Index, replacement);
        }

        return builder.ToString();
    }

    private static bool DaysFollowHoursPerDay(MatchCollection numbers, double hours, double hoursPerDay)
    {
        if (numbers.Count < 2 || hoursPerDay == TrackingDocumentReader.DefaultHoursPerDay)
        {
            return false;
        }

        var days = numbers[1].Value;
        return days == Days(hours, TrackingDocumentReader.DefaultHoursPerDay, days) && days != Days(hours, hoursPerDay, days);
    }

    /// <summary>The developer-days, with as many decimals as <paramref name="written"/> has (at least one).</summary>
    private static string Days(double hours, double hoursPerDay, string written)
    {
        var decimals = written.Contains('.', StringComparison.Ordinal) ? written.Length - written.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        return (hours / hoursPerDay).ToString("F" + Math.Max(decimals, 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The layout of a phase that never came from a document: the seed document's shape.</summary>
    private static List<LayoutSegment> NewLayout(Phase phase)
    {
        const string nl = "\n";

        // The roadmap section only where there are weeks to put in it: a phase without a roadmap
        // writes none, as before.
        List<LayoutSegment> roadmap = phase.RoadmapWeeks.Count == 0
            ? [LayoutSegment.Raw($"{nl}{nl}---{nl}{nl}")]
            :
            [
                LayoutSegment.Raw($"{nl}{nl}---{nl}{nl}## Phase {phase.Number} Roadmap{nl}{nl}"),
                new LayoutSegment { Kind = SegmentKind.RoadmapEnd },
                LayoutSegment.Raw($"---{nl}{nl}"),
            ];
        return
        [
            LayoutSegment.Raw("# "),
            new LayoutSegment { Kind = SegmentKind.Field, Key = PhaseField.Title },
            LayoutSegment.Raw($"{nl}{nl}## Overview{nl}{nl}**Purpose:** "),
            new LayoutSegment { Kind = SegmentKind.Field, Key = PhaseField.Purpose },
            LayoutSegment.Raw($"{nl}{nl}**Status:** "),
            new LayoutSegment { Kind = SegmentKind.Field, Key = PhaseField.Status },
            LayoutSegment.Raw($"{nl}{nl}**Timeline:** "),
            new LayoutSegment { Kind = SegmentKind.Field, Key = PhaseField.Timeline },
            LayoutSegment.Raw($"{nl}{nl}---{nl}{nl}## Deferred Items from Phase {phase.Number - 1}{nl}{nl}"),
            new LayoutSegment { Kind = SegmentKind.ItemsEnd },
            LayoutSegment.Raw($"## Phase {phase.Number} Priority Matrix{nl}{nl}| Item | Priority | Effort | Impact | Phase | Owner |{nl}|------|----------|--------|--------|-------|-------|{nl}"),
            new LayoutSegment { Kind = SegmentKind.MatrixEnd, Text = "item|priority|effort|impact|phase|owner" },
            LayoutSegment.Raw($"{nl}**Total Phase {phase.Number} Effort:** "),
            new LayoutSegment { Kind = SegmentKind.Field, Key = PhaseField.Total, Tracked = true, Text = "0 hours (~0.0 developer-days)" },
            .. roadmap,
            LayoutSegment.Raw($"## Architecture Decision Records (ADRs){nl}{nl}"),
            new LayoutSegment { Kind = SegmentKind.DecisionRecordsEnd },
            LayoutSegment.Raw($"**Last Updated:** "),
            new LayoutSegment { Kind = SegmentKind.Field, Key = PhaseField.LastUpdated },
            LayoutSegment.Raw($"  {nl}**Version:** "),
            new LayoutSegment { Kind = SegmentKind.Field, Key = PhaseField.Version },
            LayoutSegment.Raw($"  {nl}**Status:** "),
            new LayoutSegment { Kind = SegmentKind.Field, Key = PhaseField.FooterStatus },
            LayoutSegment.Raw(nl),
        ];
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^ {0,3}([-*_])(?: *\1){2,} *$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^ {0,3}#{1,2}(?:[ \t]|$)")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^ {0,3}(?:```|~~~)")]
    private static partial Regex Fence();
}
