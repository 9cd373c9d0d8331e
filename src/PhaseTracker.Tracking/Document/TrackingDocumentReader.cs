using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>
/// Reads a tracking document into a <see cref="Phase"/> and its records. Markdig's syntax tree finds
/// the structure; the layout keeps every byte between the parts the model holds, so the writer can
/// give the document back unchanged.
/// </summary>
public static partial class TrackingDocumentReader
{
    /// <summary>Documents above this size are refused before any parsing.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Markdig throws past 128 levels of nesting, after work that grows with the square of the depth,
    /// so deeper documents are refused before parsing. No tracking document comes close.
    /// </summary>
    public const int MaxNesting = 32;

    internal const double DefaultHoursPerDay = 8;

    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>Decodes (repairing mojibake) and reads a document.</summary>
    /// <param name="bytes">The document as stored.</param>
    /// <param name="hoursPerDay">How many hours make a developer-day, for the warning that the overview's days do not add up.</param>
    public static ReadResult Read(ReadOnlySpan<byte> bytes, double hoursPerDay = DefaultHoursPerDay)
    {
        if (bytes.Length > MaxBytes)
        {
            return ReadResult.Rejected(0, $"The document is {bytes.Length / (1024.0 * 1024.0):0.#} MB; documents up to 10 MB are accepted.");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ReadResult.Rejected(1, "the document is UTF-16 text; save it as UTF-8 and import it again.");
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var line = bytes[..nul].Count((byte)'\n') + 1;
            return ReadResult.Rejected(line, "the document holds a NUL byte; a tracking document is text, and binary data cannot be stored.");
        }

        var decoded = EncodingRepair.Decode(bytes);
        var result = Read(decoded.Text, hoursPerDay);
        if (result.Phase is not null)
        {
            foreach (var repair in decoded.Repairs)
            {
                result.Phase.Warnings.Add(new DocumentWarning { Kind = WarningKind.Repair, Line = repair.Line, Message = repair.Message });
            }

            result.Phase.Warnings.Sort((a, b) => a.Line.CompareTo(b.Line));
        }

        return result;
    }

    /// <summary>Reads a document that is already text (no encoding repair).</summary>
    public static ReadResult Read(string text, double hoursPerDay = DefaultHoursPerDay)
    {
        var rejection = Refuse(text);
        if (rejection is not null)
        {
            return ReadResult.Rejected(rejection.Line, rejection.Message, text);
        }

        try
        {
            return new DocumentReading(text, hoursPerDay > 0 ? hoursPerDay : DefaultHoursPerDay).Read();
        }
        catch (DocumentRejectedException rejected)
        {
            return ReadResult.Rejected(rejected.Line, rejected.Message, text);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Markdig has limits of its own; a document past them is refused, not a crash.
            return ReadResult.Rejected(0, $"The document could not be read as markdown ({ex.Message}).", text);
        }
    }

    /// <summary>The checks made before any parsing: empty, not text, nested too deep.</summary>
    private static DocumentRejection? Refuse(string text)
    {
        if (text.Length > MaxBytes)
        {
            return new DocumentRejection(0, "The document is larger than 10 MB; documents up to 10 MB are accepted.");
        }

        if (string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')))
        {
            return new DocumentRejection(0, "The document is empty.");
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var depth = NestingDepth(text.AsSpan(lineStart, i - lineStart));
                if (depth > MaxNesting)
                {
                    return new DocumentRejection(line, $"lists or quotes are nested {depth} levels deep; at most {MaxNesting} are accepted.");
                }

                line++;
                lineStart = i + 1;
                continue;
            }

            var c = text[i];
            if (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))
            {
                return new DocumentRejection(line, "the document ends a line with a carriage return alone (old Mac style); save it with LF or CRLF line endings.");
            }

            if (c < ' ' && c is not '\t' and not '\r' and not '\f')
            {
                return new DocumentRejection(line, $"the document holds the control character U+{(int)c:X4}; a tracking document is text, and binary data cannot be stored.");
            }
        }

        return null;
    }

    /// <summary>How many list markers and quote markers open one line, with its indentation counted as levels too.</summary>
    private static int NestingDepth(ReadOnlySpan<char> line)
    {
        var depth = 0;
        var indent = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ')
            {
                indent++;
                i++;
            }
            else if (c == '\t')
            {
                indent += 4;
                i++;
            }
            else if (c == '>')
            {
                depth++;
                i++;
            }
            else if ((c is '-' or '*' or '+') && i + 1 < line.Length && line[i + 1] is ' ' or '\t')
            {
                depth++;
                i += 2;
            }
            else if (char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < line.Length && j - i < 10 && char.IsAsciiDigit(line[j]))
                {
                    j++;
                }

                if (j + 1 < line.Length && line[j] is '.' or ')' && line[j + 1] is ' ' or '\t')
                {
                    depth++;
                    i = j + 2;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        // Each nested list level needs at least two more columns of indentation.
        return depth == 0 ? 0 : depth + (indent / 2);
    }

    internal sealed class DocumentRejectedException(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }

    [GeneratedRegex(@"\bPhase\s+(?<n>\d{1,6})\b", RegexOptions.IgnoreCase)]
    internal static partial Regex PhaseNumberPattern();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?:developer|dev)?[- ]?days?", RegexOptions.IgnoreCase)]
    internal static partial Regex DaysPattern();

    /// <summary>One reading of one document.</summary>
    private sealed class DocumentReading
    {
        private readonly string _text;
        private readonly double _hoursPerDay;
        private readonly SourceText _source;
        private readonly int _offset;
        private readonly List<(int Start, int End, LayoutSegment Segment)> _segments = [];
        private readonly List<DocumentWarning> _warnings = [];
        private readonly Phase _phase = new();
        private readonly List<DecisionRecord> _records = [];
        private readonly List<(MatrixRow Row, TableRow Syntax)> _rows = [];
        private readonly List<string> _columns = [];
        private Field? _totalField;
        private Field? _timelineField;

        // Numbers and fields are unique across the whole document, not just one section: a document may
        // repeat a section, and the writer keys records and fields by these.
        private readonly Dictionary<int, int> _itemLines = [];
        private readonly Dictionary<int, int> _recordLines = [];
        private readonly HashSet<int> _weeks = [];
        private readonly HashSet<string> _overviewKeys = [];

        // The marker lines of generated diagrams: a record's text ends before one, so a diagram written
        // after a section's last record is not read as part of that record.
        private readonly HashSet<Block> _diagramMarkers = [];

        public DocumentReading(string text, double hoursPerDay)
        {
            _text = text;
            _hoursPerDay = hoursPerDay;

            // A byte order mark stays in the layout; Markdig reads what follows it.
            _offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            _source = new SourceText(text[_offset..]);
        }

        public ReadResult Read()
        {
            var document = Markdown.Parse(_source.Text, Pipeline);
            var blocks = document.ToList();
            ReadTitle(blocks);
            FindDiagrams(blocks);

            // Sections run from one "## " heading to the next.
            var starts = blocks.Select((b, i) => (b, i)).Where(x => x.b is HeadingBlock { Level: 2 }).Select(x => x.i).ToList();
            for (var s = 0; s < starts.Count; s++)
            {
                var heading = (HeadingBlock)blocks[starts[s]];
                var end = s + 1 < starts.Count ? starts[s + 1] : blocks.Count;
                var body = blocks.GetRange(starts[s] + 1, end - starts[s] - 1);
                var bodyEnd = s + 1 < starts.Count ? _source.LineStart(blocks[starts[s + 1]].Line) : _source.Text.Length;
                ReadSection(heading, body, bodyEnd);
            }

            ReadFooter(blocks);
            ReportUnclosedFences(document);
            MatchMatrix();
            MatchRoadmap();
            CheckTotals();

            foreach (var item in _phase.Items)
            {
                item.SourceFingerprint = Fingerprint.Of(item);
            }

            foreach (var week in _phase.RoadmapWeeks)
            {
                week.SourceFingerprint = Fingerprint.Of(week);
            }

            foreach (var record in _records)
            {
                record.SourceFingerprint = Fingerprint.Of(record);
            }

            _phase.Layout = BuildLayout();
            _warnings.Sort((a, b) => a.Line.CompareTo(b.Line));
            _phase.Warnings = _warnings;
            return ReadResult.Success(_phase, _records, _text);
        }

        private void ReadTitle(List<Block> blocks)
        {
            var title = blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
            if (title?.Inline?.FirstChild is null)
            {
                throw new DocumentRejectedException(1, "the document has no title naming its phase, such as \"# Phase 2 Tracking\".");
            }

            var start = title.Inline.FirstChild.Span.Start;
            var end = TrimEnd(start, _source.LineEnd(start));
            _phase.Title = _source.Text[start..end];
            var number = PhaseNumberPattern().Match(_phase.Title);
            if (!number.Success || !int.TryParse(number.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var phaseNumber))
            {
                throw new DocumentRejectedException(title.Line + 1, $"the title \"{_phase.Title}\" does not name its phase; write it like \"# Phase 2 Tracking\".");
            }

            _phase.Number = phaseNumber;
            AddField(start, end, PhaseField.Title);
        }

        private void ReadSection(HeadingBlock heading, List<Block> body, int bodyEnd)
        {
            var name = heading.Inline is null ? "" : Fields.KeyOf(Fields.PlainText(heading.Inline));
            if (name == "overview")
            {
                ReadOverview(body);
            }
            else if (name.Contains("deferred items", StringComparison.Ordinal) || name == "items" || name.EndsWith("deferred", StringComparison.Ordinal))
            {
                ReadItems(body, bodyEnd);
            }
            else if (name.Contains("priority matrix", StringComparison.Ordinal))
            {
                ReadMatrix(heading, body);
            }
            else if (name.Contains("roadmap", StringComparison.Ordinal))
            {
                ReadRoadmap(body, bodyEnd);
            }
            else if (name.Contains("decision record", StringComparison.Ordinal) || name == "adrs")
            {
                ReadDecisionRecords(body, bodyEnd);
            }
            else if (name.Contains("continuous tracking", StringComparison.Ordinal) || name.Contains("process", StringComparison.Ordinal))
            {
                var start = _source.LineStart(heading.Line + 1);
                _phase.ProcessMarkdown = _source.Text[start..bodyEnd].Trim().TrimEnd('-').Trim();
            }
            else if (name.Contains("related doc", StringComparison.Ordinal))
            {
                ReadRelated(body);
            }
        }

        private void ReadOverview(List<Block> body)
        {
            foreach (var field in Fields.Read(_source, body))
            {
                var key = field.Key switch
                {
                    "purpose" => PhaseField.Purpose,
                    "status" => PhaseField.Status,
                    "timeline" => PhaseField.Timeline,
                    _ => null,
                };
                if (key is null || field.List is not null || !_overviewKeys.Add(key))
                {
                    // A second "**Status:**" (an item's, where the items heading is missing) is kept as text.
                    continue;
                }

                switch (key)
                {
                    case PhaseField.Purpose:
                        _phase.Purpose = field.Value;
                        break;
                    case PhaseField.Status:
                        _phase.StatusLine = field.Value;
                        break;
                    default:
                        _phase.Timeline = field.Value;
                        _timelineField = field;
                        break;
                }

                AddField(field.ValueStart, field.ValueEnd, key);
            }
        }

        private void ReadItems(List<Block> body, int bodyEnd)
        {
            var firstLine = _itemLines;
            var headings = body.Select((b, i) => (b, i)).Where(x => x.b is HeadingBlock { Level: 3 }).Select(x => x.i).ToList();
            var itemsEnd = -1;
            for (var h = 0; h < headings.Count; h++)
            {
                var heading = (HeadingBlock)body[headings[h]];
                var (next, end) = RecordExtent(body, headings, h, bodyEnd);
                var start = _source.LineStart(heading.Line);
                if (ItemSection.ReadHeading(_source, heading) is null)
                {
                    Warn(heading.Line + 1, $"the heading \"{HeadingText(heading)}\" in the deferred items is not an item (\"### N. Title\"); it is kept as text.");
                    continue;
                }

                var section = ItemSection.Read(_source, heading, body.GetRange(headings[h] + 1, next - headings[h] - 1), _warnings);
                var item = section.Item;
                if (firstLine.TryGetValue(item.Number, out var earlier))
                {
                    throw new DocumentRejectedException(item.Line, $"item number {item.Number} appears twice (first on line {earlier}); each item needs its own number.");
                }

                firstLine[item.Number] = item.Line;
                if (item.Title.Length == 0)
                {
                    Warn(item.Line, $"item {item.Number} has no title.");
                }

                item.Source = _source.Text[start..end];
                _phase.Items.Add(item);
                AddSegment(start, end, new LayoutSegment { Kind = SegmentKind.Item, Number = item.Number });
                itemsEnd = end;
            }

            if (itemsEnd < 0)
            {
                itemsEnd = bodyEnd;
            }

            AddSegment(itemsEnd, itemsEnd, new LayoutSegment { Kind = SegmentKind.ItemsEnd });
        }

        private void ReadMatrix(HeadingBlock heading, List<Block> body)
        {
            if (_columns.Count > 0)
            {
                Warn(heading.Line + 1, "the document has a second priority matrix; only the first is read, this one is kept as text.");
                return;
            }

            _totalField = Fields.Read(_source, body).FirstOrDefault(f => f.Key.StartsWith("total", StringComparison.Ordinal) && f.Key.Contains("effort", StringComparison.Ordinal));
            var table = body.OfType<Table>().FirstOrDefault();
            if (table is null)
            {
                Warn(heading.Line + 1, "the priority matrix section has no table; its rows cannot be read.");
                return;
            }

            var header = table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader);
            if (header is null)
            {
                return;
            }

            foreach (var cell in Cells(header))
            {
                _columns.Add(ColumnKey(cell));
            }

            var lastEnd = -1;
            foreach (var syntax in table.OfType<TableRow>().Where(r => !r.IsHeader))
            {
                var cells = Cells(syntax);
                if (cells.Count != _columns.Count)
                {
                    Warn(syntax.Line + 1, $"the matrix row has {cells.Count} cells where the header has {_columns.Count}.");
                }

                var start = _source.LineStart(syntax.Line);
                var end = _source.LineStart(syntax.Line + 1);
                var itemColumn = _columns.IndexOf("item");
                var row = new MatrixRow
                {
                    Ordinal = _rows.Count,
                    Cells = cells,
                    Label = itemColumn >= 0 && itemColumn < cells.Count ? cells[itemColumn] : cells.FirstOrDefault() ?? "",
                    Source = _source.Text[start..end],
                    Line = syntax.Line + 1,
                };
                _rows.Add((row, syntax));
                _phase.MatrixRows.Add(row);
                AddSegment(start, end, new LayoutSegment { Kind = SegmentKind.MatrixRow, Number = row.Ordinal });
                lastEnd = end;
            }

            if (lastEnd < 0)
            {
                lastEnd = _source.LineStart(_source.LineOf(table.Span.End) + 1);
            }

            AddSegment(lastEnd, lastEnd, new LayoutSegment { Kind = SegmentKind.MatrixEnd, Text = string.Join('|', _columns) });
        }

        /// <summary>
        /// Where a record's blocks end: at the next record's heading, or for the last record of a
        /// section at the "---" that closes it, so that what follows (a footer, free notes) is not
        /// part of the record and does not leave with it.
        /// </summary>
        private (int Next, int End) RecordExtent(List<Block> body, List<int> headings, int h, int bodyEnd)
        {
            var last = h + 1 >= headings.Count;
            var limit = last ? body.Count : headings[h + 1];
            for (var b = headings[h] + 1; b < limit; b++)
            {
                if (_diagramMarkers.Contains(body[b]))
                {
                    return (b, _source.LineStart(body[b].Line));
                }

                if (last && b < body.Count - 1 && body[b] is ThematicBreakBlock)
                {
                    return (b + 1, _source.LineStart(body[b + 1].Line));
                }
            }

            return last ? (body.Count, bodyEnd) : (limit, _source.LineStart(body[limit].Line));
        }

        /// <summary>
        /// The cells of a row as written. Markdig pads short rows with cells that have no source, and an
        /// empty cell looks the same, so the row's own line says how many cells it has.
        /// </summary>
        private List<string> Cells(TableRow row)
        {
            var line = _source.Text[_source.LineStart(row.Line).._source.LineEnd(_source.LineStart(row.Line))];
            return [.. MatrixRowWriter.CellBounds(line).Select(b => line[b.Start..b.End].Trim())];
        }

        private static string ColumnKey(string header) => Fields.KeyOf(header) switch
        {
            "item" or "items" or "task" => "item",
            "priority" => "priority",
            "effort" or "estimated effort" => "effort",
            "impact" => "impact",
            "phase" => "phase",
            "owner" => "owner",
            _ => "",
        };

        private void ReadRoadmap(List<Block> body, int bodyEnd)
        {
            var headings = body.Select((b, i) => (b, i)).Where(x => x.b is HeadingBlock { Level: 3 }).Select(x => x.i).ToList();
            var seen = _weeks;
            var weeksEnd = -1;
            for (var h = 0; h < headings.Count; h++)
            {
                var heading = (HeadingBlock)body[headings[h]];
                var (next, end) = RecordExtent(body, headings, h, bodyEnd);
                if (RoadmapWeekSection.ReadHeading(_source, heading) is null)
                {
                    continue;
                }

                // The rule that closes the section belongs to the section, not to its last week: weeks
                // added later go before it (RoadmapEnd).
                if (h == headings.Count - 1 && next - 1 > headings[h] && body[next - 1] is ThematicBreakBlock rule)
                {
                    end = _source.LineStart(rule.Line);
                }

                var section = RoadmapWeekSection.Read(_source, heading, body.GetRange(headings[h] + 1, next - headings[h] - 1));
                if (!seen.Add(section.Week.Number))
                {
                    Warn(section.Week.Line, $"week {section.Week.Number} appears twice in the roadmap; the second is kept as text.");
                    continue;
                }

                var start = _source.LineStart(heading.Line);
                section.Week.Source = _source.Text[start..end];
                _phase.RoadmapWeeks.Add(section.Week);
                AddSegment(start, end, new LayoutSegment { Kind = SegmentKind.RoadmapWeek, Number = section.Week.Number });
                weeksEnd = end;
            }

            if (weeksEnd < 0)
            {
                weeksEnd = body.Count > 0 && body[^1] is ThematicBreakBlock closing ? _source.LineStart(closing.Line) : bodyEnd;
            }

            AddSegment(weeksEnd, weeksEnd, new LayoutSegment { Kind = SegmentKind.RoadmapEnd });
        }

        private void ReadDecisionRecords(List<Block> body, int bodyEnd)
        {
            var headings = body.Select((b, i) => (b, i)).Where(x => x.b is HeadingBlock { Level: 3 }).Select(x => x.i).ToList();
            var firstLine = _recordLines;
            var recordsEnd = bodyEnd;
            for (var h = 0; h < headings.Count; h++)
            {
                var heading = (HeadingBlock)body[headings[h]];
                var (next, end) = RecordExtent(body, headings, h, bodyEnd);
                if (DecisionRecordSection.ReadHeading(_source, heading) is null)
                {
                    Warn(heading.Line + 1, $"the heading \"{HeadingText(heading)}\" among the decision records is not an ADR (\"### ADR-001: Title\"); it is kept as text.");
                    continue;
                }

                var section = DecisionRecordSection.Read(_source, heading, body.GetRange(headings[h] + 1, next - headings[h] - 1), _warnings);
                var record = section.Record;
                if (firstLine.TryGetValue(record.Number, out var earlier))
                {
                    throw new DocumentRejectedException(record.Line, $"{Values.AdrName(record.Number)} appears twice (first on line {earlier}); each decision record needs its own number.");
                }

                firstLine[record.Number] = record.Line;
                var start = _source.LineStart(heading.Line);
                record.Source = _source.Text[start..end];
                _records.Add(record);
                AddSegment(start, end, new LayoutSegment { Kind = SegmentKind.DecisionRecord, Number = record.Number });
                recordsEnd = end;
            }

            AddSegment(recordsEnd, recordsEnd, new LayoutSegment { Kind = SegmentKind.DecisionRecordsEnd });
        }

        /// <summary>
        /// A generated diagram is the marker line alone, then on the very next line a closed mermaid fence
        /// of a kind PhaseTracker draws, ending with a line break: the layout keeps it as a Diagram segment,
        /// written again from the data. Anything else (a team's own mermaid block, a marker before other
        /// text) stays text, byte for byte.
        /// </summary>
        private void FindDiagrams(List<Block> blocks)
        {
            for (var i = 0; i + 1 < blocks.Count; i++)
            {
                if (blocks[i] is not HtmlBlock marker || blocks[i + 1] is not FencedCodeBlock fence ||
                    fence.Line != marker.Line + 1 || fence.ClosingFencedCharCount == 0 ||
                    !string.Equals(fence.Info, "mermaid", StringComparison.Ordinal))
                {
                    continue;
                }

                var start = _source.LineStart(marker.Line);
                if (!string.Equals(_source.Text[start.._source.LineEnd(start)], MermaidDiagrams.Marker, StringComparison.Ordinal))
                {
                    continue;
                }

                var closing = _source.LineOf(fence.Span.End);
                var end = _source.LineStart(closing + 1);
                var key = MermaidDiagrams.KeyOf(fence.Lines.ToString());
                if (key is null || (end == _source.Text.Length && !_source.Text.EndsWith('\n')))
                {
                    continue;
                }

                _diagramMarkers.Add(marker);
                AddSegment(start, end, new LayoutSegment { Kind = SegmentKind.Diagram, Key = key });
            }
        }

        private void ReadRelated(List<Block> body)
        {
            foreach (var block in body.OfType<ListBlock>())
            {
                foreach (var link in block.Descendants<LinkInline>())
                {
                    if (link.IsImage || string.IsNullOrEmpty(link.Url))
                    {
                        continue;
                    }

                    _phase.RelatedDocuments.Add(new RelatedDocument
                    {
                        Ordinal = _phase.RelatedDocuments.Count,
                        Title = Fields.PlainText(link).Trim(),
                        Url = link.Url,
                    });
                }
            }
        }

        /// <summary>
        /// The footer is the paragraph that holds "**Last Updated:**", wherever it stands; it is looked for
        /// from the end, where footers are, so a long document's paragraphs are not all read twice.
        /// </summary>
        private void ReadFooter(List<Block> blocks)
        {
            foreach (var paragraph in blocks.OfType<ParagraphBlock>().Reverse())
            {
                var fields = Fields.ReadParagraph(_source, paragraph);
                if (!fields.Any(f => f.Key == "last updated"))
                {
                    continue;
                }

                // A field said twice ("**Status:**" again on the next line) counts once; the second is kept as text.
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var field in fields.Where(f => seen.Add(f.Key)))
                {
                    switch (field.Key)
                    {
                        case "last updated":
                            _phase.LastUpdated = field.Value;
                            AddField(field.ValueStart, field.ValueEnd, PhaseField.LastUpdated);
                            break;
                        case "version":
                            _phase.Version = field.Value;
                            AddField(field.ValueStart, field.ValueEnd, PhaseField.Version);
                            break;
                        case "status":
                            _phase.FooterStatus = field.Value;
                            AddField(field.ValueStart, field.ValueEnd, PhaseField.FooterStatus);
                            break;
                    }
                }

                return;
            }
        }

        private void ReportUnclosedFences(MarkdownDocument document)
        {
            foreach (var fence in document.Descendants<FencedCodeBlock>())
            {
                if (fence.ClosingFencedCharCount == 0)
                {
                    Warn(fence.Line + 1, "a code fence opened here is never closed; everything after it is read as code.");
                }
            }
        }

        private void MatchMatrix()
        {
            if (_rows.Count == 0)
            {
                return;
            }

            var index = new LabelMatcher.ItemIndex(_phase.Items);
            var taken = new HashSet<DeferredItem>();
            var pending = new List<MatrixRow>();

            // Exact titles first, then the best word matches, highest score first.
            foreach (var (row, _) in _rows)
            {
                var exact = index.ExactTitle(row.Label);
                if (exact is not null && taken.Add(exact))
                {
                    row.ItemNumber = exact.Number;
                }
                else
                {
                    pending.Add(row);
                }
            }

            var scored = new List<(double Score, MatrixRow Row, DeferredItem Item)>();
            foreach (var row in pending)
            {
                var words = LabelMatcher.Words(row.Label);
                var candidates = index.Candidates(words).ToList();
                if (candidates.Count == 0 && _phase.Items.Count <= 200)
                {
                    candidates = _phase.Items;
                }

                foreach (var item in candidates)
                {
                    if (taken.Contains(item))
                    {
                        continue;
                    }

                    var score = (2 * LabelMatcher.Overlap(words, index.WordsOf(item))) + (0.5 * LabelMatcher.Overlap(words, index.BodyWordsOf(item)));
                    if (Cell(row, "priority") is { } priority && item.Priority is not null && Values.ReadPriority(priority).Priority == item.Priority)
                    {
                        score += 0.5;
                    }

                    if (Cell(row, "effort") is { } effort && item.EffortHours is not null && Values.ReadHours(effort) == item.EffortHours)
                    {
                        score += 0.5;
                    }

                    if (score >= 1.0)
                    {
                        scored.Add((score, row, item));
                    }
                }
            }

            foreach (var (_, row, item) in scored.OrderByDescending(s => s.Score).ThenBy(s => s.Row.Ordinal))
            {
                if (row.ItemNumber is null && taken.Add(item))
                {
                    row.ItemNumber = item.Number;
                }
            }

            var items = _phase.Items.ToDictionary(i => i.Number);
            foreach (var (row, _) in _rows)
            {
                if (row.ItemNumber is not { } number)
                {
                    Warn(row.Line, $"the matrix row \"{row.Label}\" matches no deferred item; it is kept as written.");
                    continue;
                }

                CompareRow(row, items[number]);
            }

            foreach (var item in _phase.Items.Where(i => !taken.Contains(i)))
            {
                Warn(item.Line, $"item {item.Number} \"{item.Title}\" has no row in the priority matrix.");
            }
        }

        /// <summary>Notes which derived cells agree with the item, and warns where they do not.</summary>
        private void CompareRow(MatrixRow row, DeferredItem item)
        {
            var tracked = MatrixColumn.None;
            if (string.Equals(row.Label, item.Title, StringComparison.Ordinal))
            {
                tracked |= MatrixColumn.Item;
            }

            if (Cell(row, "impact") is { } impact)
            {
                if (item.Impact is null || string.Equals(item.Impact, impact, StringComparison.OrdinalIgnoreCase))
                {
                    item.Impact ??= impact;
                    tracked |= MatrixColumn.Impact;
                }
                else
                {
                    Disagree(row, item, "impact", impact, item.Impact);
                }
            }

            if (Cell(row, "priority") is { } priority)
            {
                if (item.Priority is not null && Values.ReadPriority(priority).Priority == item.Priority)
                {
                    tracked |= MatrixColumn.Priority;
                }
                else
                {
                    Disagree(row, item, "priority", priority, item.Priority is null ? "none" : $"P{item.Priority}");
                }
            }

            if (Cell(row, "effort") is { } effort)
            {
                if (item.EffortHours is not null && Values.ReadHours(effort) == item.EffortHours)
                {
                    tracked |= MatrixColumn.Effort;
                }
                else
                {
                    Disagree(row, item, "effort", effort, item.EffortHours is null ? "none" : $"{Values.FormatNumber(item.EffortHours.Value)} hours");
                }
            }

            if (Cell(row, "phase") is { } phase)
            {
                if (phase == _phase.Number.ToString(CultureInfo.InvariantCulture))
                {
                    tracked |= MatrixColumn.Phase;
                }
                else
                {
                    Warn(row.Line, $"the matrix row \"{row.Label}\" says phase {phase}, but the document is phase {_phase.Number}.");
                }
            }

            if (Cell(row, "owner") is { } owner)
            {
                if (string.Equals(owner, item.Owner, StringComparison.OrdinalIgnoreCase))
                {
                    tracked |= MatrixColumn.Owner;
                }
                else if (!LabelMatcher.Abbreviates(owner, item.Owner))
                {
                    Disagree(row, item, "owner", owner, item.Owner ?? "none");
                }
            }

            // A cell follows its item only where writing the unchanged item gives the cell back as written
            // ("P1 (see notes)" reads as P1, but would be written "P1").
            row.TrackedColumns = MatrixRowWriter.Stable(row, item, tracked, _columns, _phase.Number);
        }

        private void Disagree(MatrixRow row, DeferredItem item, string what, string matrix, string itemValue) =>
            Warn(row.Line, $"the matrix row \"{row.Label}\" says {what} \"{matrix}\", but item {item.Number} (line {item.Line}) says \"{itemValue}\".");

        private string? Cell(MatrixRow row, string column)
        {
            var index = _columns.IndexOf(column);
            return index >= 0 && index < row.Cells.Count ? row.Cells[index] : null;
        }

        private void MatchRoadmap()
        {
            if (_phase.RoadmapWeeks.Count == 0)
            {
                return;
            }

            var labels = _rows.Where(r => r.Row.ItemNumber is not null).ToLookup(r => r.Row.ItemNumber!.Value, r => r.Row.Label);
            var index = new LabelMatcher.ItemIndex(_phase.Items, item => labels[item.Number]);
            foreach (var week in _phase.RoadmapWeeks)
            {
                foreach (var block in week.Blocks)
                {
                    var numbers = new SortedSet<int>();
                    if (Best(index, block.Title, 0.5, 1) is { } titled)
                    {
                        numbers.Add(titled.Number);
                    }

                    foreach (var task in block.Tasks)
                    {
                        if (Best(index, task, 0.5, 2) is { } tasked)
                        {
                            numbers.Add(tasked.Number);
                        }
                    }

                    block.ItemNumbers = [.. numbers];
                    if (numbers.Count == 0 && _phase.Items.Count > 0)
                    {
                        Warn(week.Line, $"the roadmap block \"{RoadmapWeekSection.DayLabel(block)}: {block.Title}\" of week {week.Number} names no deferred item.");
                    }
                }
            }
        }

        private static DeferredItem? Best(LabelMatcher.ItemIndex index, string text, double minimum, int minimumShared)
        {
            var words = LabelMatcher.Words(text);
            DeferredItem? best = null;
            var bestScore = 0.0;
            foreach (var item in index.Candidates(words))
            {
                var itemWords = index.WordsOf(item);
                var score = Math.Max(LabelMatcher.Overlap(words, itemWords), LabelMatcher.Overlap(itemWords, words));
                if (score > bestScore && LabelMatcher.Shared(words, itemWords) >= minimumShared)
                {
                    best = item;
                    bestScore = score;
                }
            }

            return bestScore >= minimum ? best : null;
        }

        private void CheckTotals()
        {
            var hours = _phase.Items.Sum(i => i.EffortHours ?? 0);
            var days = Math.Round(hours / _hoursPerDay, 1);
            if (_totalField is not null)
            {
                var written = Values.ReadHours(_totalField.Value);
                var tracked = written == hours;
                if (!tracked)
                {
                    Warn(_totalField.Line + 1, $"the total effort says \"{_totalField.Value}\", but the items add up to {Values.FormatNumber(hours)} hours.");
                }

                AddField(_totalField.ValueStart, _totalField.ValueEnd, PhaseField.Total, tracked);
            }

            if (_timelineField is not null && _phase.Items.Count > 0)
            {
                var match = DaysPattern().Match(_timelineField.Value);
                if (match.Success && double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var stated) &&
                    Math.Abs(stated - days) >= 0.05)
                {
                    Warn(_timelineField.Line + 1,
                        $"the overview says {Values.FormatNumber(stated)} developer-days, but the items add up to {Values.FormatNumber(hours)} hours = {days.ToString("0.0", CultureInfo.InvariantCulture)} developer-days at {Values.FormatNumber(_hoursPerDay)} hours a day.");
                }
            }
        }

        private List<LayoutSegment> BuildLayout()
        {
            var layout = new List<LayoutSegment>();
            if (_offset > 0)
            {
                layout.Add(LayoutSegment.Raw(_text[.._offset]));
            }

            var position = 0;
            foreach (var (start, end, segment) in _segments.OrderBy(s => s.Start).ThenBy(s => s.End))
            {
                if (start < position)
                {
                    // Overlapping parts (a field inside an item, say) stay in the part that holds them.
                    continue;
                }

                if (start > position)
                {
                    layout.Add(LayoutSegment.Raw(_source.Text[position..start]));
                }

                layout.Add(segment);
                position = end;
            }

            if (position < _source.Text.Length)
            {
                layout.Add(LayoutSegment.Raw(_source.Text[position..]));
            }

            return layout;
        }

        private void AddField(int start, int end, string key, bool tracked = false) =>
            AddSegment(start, end, new LayoutSegment { Kind = SegmentKind.Field, Key = key, Text = _source.Text[start..end], Tracked = tracked });

        private void AddSegment(int start, int end, LayoutSegment segment) => _segments.Add((start, end, segment));

        private void Warn(int line, string message) =>
            _warnings.Add(new DocumentWarning { Kind = WarningKind.Warning, Line = line, Message = message });

        private int TrimEnd(int start, int end)
        {
            while (end > start && char.IsWhiteSpace(_source.Text[end - 1]))
            {
                end--;
            }

            return end;
        }

        private static string HeadingText(HeadingBlock heading) =>
            heading.Inline is null ? "" : Fields.PlainText(heading.Inline).Trim();
    }
}
