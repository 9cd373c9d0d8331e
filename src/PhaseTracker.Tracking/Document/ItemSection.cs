using System.Text.RegularExpressions;
using Markdig.Syntax;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>
/// A deferred item's section ("### 3. Load Testing Suite" and its fields). The reader and the writer
/// both read sections through here, so "what a field holds" is decided in one place.
/// </summary>
internal sealed partial class ItemSection
{
    private ItemSection(DeferredItem item, HeadingBlock heading, List<Field> fields)
    {
        Item = item;
        Heading = heading;
        Fields = fields;
    }

    public DeferredItem Item { get; }
    public HeadingBlock Heading { get; }
    public List<Field> Fields { get; }

    /// <summary>Reads "N. Title" from an item heading; null where the heading is not an item.</summary>
    public static (int Number, int TitleStart, int TitleEnd)? ReadHeading(SourceText source, HeadingBlock heading) =>
        NumberedHeading.Read(source, heading, ItemHeadingPattern());

    public static ItemSection Read(SourceText source, HeadingBlock heading, IEnumerable<Block> body, List<DocumentWarning> warnings)
    {
        var (number, titleStart, titleEnd) = ReadHeading(source, heading)!.Value;
        var item = new DeferredItem
        {
            Number = number,
            Title = source.Text[titleStart..titleEnd],
            Line = heading.Line + 1,
        };

        var fields = Tracking.Fields.Read(source, body);
        var seen = new Dictionary<ItemField, Field>();
        foreach (var field in fields)
        {
            var kind = Kind(field.Key);
            if (kind != ItemField.Unknown && !seen.TryAdd(kind, field))
            {
                // The writer patches the first one too, so an edit never lands in a line nobody reads.
                warnings.Add(Warning(field, $"item {item.Number} has a second \"{field.Label}\" field; the first, on line {seen[kind].Line + 1}, is the one read."));
                continue;
            }

            Apply(source, item, field, warnings);
        }

        return new ItemSection(item, heading, fields);
    }

    private static void Apply(SourceText source, DeferredItem item, Field field, List<DocumentWarning> warnings)
    {
        var value = field.Value;
        switch (Kind(field.Key))
        {
            case ItemField.File:
                item.FilePath = Unquote(value);
                break;
            case ItemField.Status:
                (item.StatusEmoji, item.StatusLabel, item.StatusNote) = Values.ReadStatus(value);
                item.IsComplete = Values.IsComplete(item.StatusEmoji, item.StatusLabel);
                break;
            case ItemField.WhyDeferred:
                item.WhyDeferred = Tracking.Fields.ListItems(source, field.List);
                break;
            case ItemField.Done:
                item.Done = Tracking.Fields.ListItems(source, field.List);
                break;
            case ItemField.Missing:
                item.Missing = Tracking.Fields.ListItems(source, field.List);
                break;
            case ItemField.Plan:
                item.Plan = [.. Tracking.Fields.NestedListItems(source, field.List).Select(s => new PlanStep(s.Text, s.Children))];
                break;
            case ItemField.Effort:
                item.EffortHours = Values.ReadHours(value);
                if (item.EffortHours is null && value.Length > 0)
                {
                    warnings.Add(Warning(field, $"item {item.Number}'s estimated effort \"{value}\" is not a number of hours from 0 to {Values.MaxHours:0} (such as \"3 hours\"); it is left empty."));
                }

                break;
            case ItemField.Priority:
                var (priority, label, recognized) = Values.ReadPriority(value);
                item.Priority = priority;
                item.PriorityLabel = label;
                if (!recognized && value.Length > 0)
                {
                    warnings.Add(Warning(field, $"item {item.Number}'s priority \"{value}\" is not one of P0, P1, P2 or P3; it is left empty."));
                }

                break;
            case ItemField.Impact:
                item.Impact = NullIfEmpty(value);
                break;
            case ItemField.Owner:
                item.Owner = NullIfEmpty(value);
                break;
            case ItemField.TrackingIssue:
                item.TrackingIssue = NullIfEmpty(value);
                break;
            case ItemField.CompletedOn:
                item.CompletedOn = NullIfEmpty(value);
                break;
            case ItemField.PullRequest:
                item.PullRequest = NullIfEmpty(value);
                break;
            case ItemField.ChangesToPlan:
                item.ChangesToPlan = Tracking.Fields.ListItems(source, field.List);
                break;
        }
    }

    private static DocumentWarning Warning(Field field, string message) =>
        new() { Kind = WarningKind.Warning, Line = field.Line + 1, Message = message };

    internal static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Drops the backticks of a value that is one code span ("`webapp/x.tsx`").</summary>
    internal static string? Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '`' && value[^1] == '`' && value.IndexOf('`', 1) == value.Length - 1)
        {
            return value[1..^1];
        }

        return NullIfEmpty(value);
    }

    public static ItemField Kind(string key) => key switch
    {
        "file" or "file path" or "path" => ItemField.File,
        "status" => ItemField.Status,
        "why deferred" or "reason deferred" => ItemField.WhyDeferred,
        "whats done" or "what is done" or "done" => ItemField.Done,
        "whats missing" or "what is missing" or "missing" => ItemField.Missing,
        "estimated effort" or "effort" => ItemField.Effort,
        "priority" => ItemField.Priority,
        "impact" => ItemField.Impact,
        "owner" => ItemField.Owner,
        "tracking issue" or "issue" => ItemField.TrackingIssue,
        "completed" or "completed on" or "completion date" or "date completed" => ItemField.CompletedOn,
        "pr" or "pr link" or "pull request" => ItemField.PullRequest,
        "changes to plan" or "changes to the plan" or "changes to original plan" or "changes to the original plan" => ItemField.ChangesToPlan,
        _ when key == "plan" || key.StartsWith("plan ", StringComparison.Ordinal) => ItemField.Plan,
        _ => ItemField.Unknown,
    };

    [GeneratedRegex(@"^(?<n>\d{1,9})[.)]\s+(?<title>.*)$")]
    private static partial Regex ItemHeadingPattern();
}

internal enum ItemField
{
    Unknown,
    File,
    Status,
    WhyDeferred,
    Done,
    Missing,
    Plan,
    Effort,
    Priority,
    Impact,
    Owner,
    TrackingIssue,
    CompletedOn,
    PullRequest,
    ChangesToPlan,
}
