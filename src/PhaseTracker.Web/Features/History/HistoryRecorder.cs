using System.Globalization;
using System.Security.Claims;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Settings;

namespace PhaseTracker.Web.Features.History;

/// <summary>Who makes a change and through what: a lead in a form, a script through the API, an import.</summary>
public sealed record Actor(string Name, string Via)
{
    public const string CommandLineName = "command line";

    public static Actor Form(ClaimsPrincipal user) => new(NameOf(user), "form");

    public static Actor Api(ClaimsPrincipal user) => new(NameOf(user), "API");

    /// <summary>An import, named after its file where there is one ("import of PHASE2_TRACKING.md").</summary>
    public static Actor Import(string name, string? fileName) =>
        new(name, string.IsNullOrWhiteSpace(fileName) ? "import" : $"import of {Path.GetFileName(fileName)}");

    private static string NameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "anonymous";
}

/// <summary>
/// Adds history entries to the context, to be saved with the change they describe (same SaveChanges or
/// transaction). A record whose fields did not change gets no entry, so a form saved without a change
/// leaves no trace.
/// </summary>
public sealed class HistoryRecorder(PhaseTrackerDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Records a change from <paramref name="before"/> to <paramref name="after"/> (field name and value as
    /// text, from <see cref="HistoryFields"/>); returns null and records nothing when no field changed and
    /// the action is <see cref="HistoryAction.Changed"/>.
    /// </summary>
    public HistoryEntry? Record(
        Actor actor,
        HistoryRecordType type,
        int recordId,
        int? phaseNumber,
        string label,
        HistoryAction action,
        IReadOnlyList<KeyValuePair<string, string?>> before,
        IReadOnlyList<KeyValuePair<string, string?>> after)
    {
        var entry = Describe(actor, clock.GetUtcNow().UtcDateTime, type, recordId, phaseNumber, label, action, before, after);
        if (entry is not null)
        {
            db.HistoryEntries.Add(entry);
        }

        return entry;
    }

    /// <summary>Who saved the record last, for the conflict page ("changed by ..."); null when the history has no entry for it.</summary>
    public Task<string?> LastActorAsync(HistoryRecordType type, int recordId, CancellationToken cancellationToken) =>
        db.HistoryEntries.AsNoTracking()
            .Where(h => h.RecordType == type && h.RecordId == recordId)
            .OrderByDescending(h => h.Id)
            .Select(h => h.Actor)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The entry <see cref="Record"/> would add, without adding it to the context (null when nothing
    /// changed): the import writes its thousands of entries in batches instead of tracking each one.
    /// </summary>
    public static HistoryEntry? Describe(
        Actor actor,
        DateTime atUtc,
        HistoryRecordType type,
        int recordId,
        int? phaseNumber,
        string label,
        HistoryAction action,
        IReadOnlyList<KeyValuePair<string, string?>> before,
        IReadOnlyList<KeyValuePair<string, string?>> after)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(label);
        var changes = Compare(before, after);
        if (changes.Count == 0 && action == HistoryAction.Changed)
        {
            return null;
        }

        return new HistoryEntry
        {
            AtUtc = atUtc,
            Actor = actor.Name,
            Via = actor.Via,
            RecordType = type,
            RecordId = recordId,
            PhaseNumber = phaseNumber,
            RecordLabel = label.Length > 400 ? label[..400] : label,
            Action = action,
            Changes = changes,
        };
    }

    /// <summary>The fields whose text differs, in the order of <paramref name="after"/> (then fields only <paramref name="before"/> has).</summary>
    public static List<FieldChange> Compare(IReadOnlyList<KeyValuePair<string, string?>> before, IReadOnlyList<KeyValuePair<string, string?>> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var changes = new List<FieldChange>();
        foreach (var (field, value) in after)
        {
            var had = old.Remove(field, out var oldValue);
            if (!had || !string.Equals(oldValue, value, StringComparison.Ordinal))
            {
                if (had || value is not null)
                {
                    changes.Add(new FieldChange(field, oldValue, value));
                }
            }
        }

        changes.AddRange(old.Where(f => f.Value is not null).Select(f => new FieldChange(f.Key, f.Value, null)));
        return changes;
    }
}

/// <summary>
/// Each editable record's fields as text, as the history shows and compares them. The names are the
/// document's own labels, so a history entry reads like the document.
/// </summary>
public static class HistoryFields
{
    public static IReadOnlyList<KeyValuePair<string, string?>> None { get; } = [];

    public static IReadOnlyList<KeyValuePair<string, string?>> Of(DeferredItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return
        [
            Field("Number", item.Number.ToString(CultureInfo.InvariantCulture)),
            Field("Title", item.Title),
            Field("File", item.FilePath),
            Field("Status", Values.WriteStatus(item.StatusEmoji, item.StatusLabel, item.StatusNote)),
            Field("Why Deferred", Lines(item.WhyDeferred)),
            Field("What's Done", Lines(item.Done)),
            Field("What's Missing", Lines(item.Missing)),
            Field("Plan", Lines(item.Plan.SelectMany(s => s.SubSteps.Select(sub => "  - " + sub).Prepend(s.Text)))),
            Field("Estimated Effort", item.EffortHours is { } hours ? Values.WriteHours(hours, null) : null),
            Field("Priority", item.Priority is { } p ? Values.WritePriority(p, item.PriorityLabel) : null),
            Field("Impact", item.Impact),
            Field("Owner", item.Owner),
            Field("Tracking Issue", item.TrackingIssue),
            Field("Completed", item.CompletedOn),
            Field("PR", item.PullRequest),
            Field("Changes to Plan", Lines(item.ChangesToPlan)),
            Field("Phase", item.Phase?.Number.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    public static IReadOnlyList<KeyValuePair<string, string?>> Of(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return
        [
            Field("Number", Values.AdrName(record.Number)),
            Field("Title", record.Title),
            Field("Date", record.Date),
            Field("Status", record.Status),
            Field("Context", Lines(record.Context)),
            Field("Decision", Lines(record.Decision)),
            Field("Consequences", Lines(record.Consequences.Select(c => $"{c.Mark} {c.Text}".Trim()))),
            Field("Alternatives Considered", Lines(record.Alternatives.Select(a => string.Join(" — ", new[] { a.Option, a.Verdict, a.Reason }.Where(s => !string.IsNullOrEmpty(s)))))),
            Field("Supersedes", record.Supersedes is { } s ? Values.AdrName(s) : null),
            Field("Superseded By", record.SupersededBy is { } b ? Values.AdrName(b) : null),
        ];
    }

    public static IReadOnlyList<KeyValuePair<string, string?>> Of(RoadmapWeek week)
    {
        ArgumentNullException.ThrowIfNull(week);
        var fields = new List<KeyValuePair<string, string?>> { Field("Theme", week.Theme) };
        for (var i = 0; i < week.Blocks.Count; i++)
        {
            var block = week.Blocks[i];
            var days = block.StartDay is { } start ? (block.EndDay is { } end && end != start ? $"Day {start}-{end}" : $"Day {start}") : "No day";
            var items = block.ItemNumbers.Count > 0 ? $" (items {string.Join(", ", block.ItemNumbers)})" : "";
            fields.Add(Field($"Block {i + 1}", $"{days}: {block.Title}{items}" + (block.Tasks.Count > 0 ? "\n" + Lines(block.Tasks) : "")));
        }

        return fields;
    }

    public static IReadOnlyList<KeyValuePair<string, string?>> Of(Phase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return
        [
            Field("Title", phase.Title),
            Field("Purpose", phase.Purpose),
            Field("Status", phase.StatusLine),
            Field("Timeline", phase.Timeline),
        ];
    }

    public static IReadOnlyList<KeyValuePair<string, string?>> Of(WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            Field("Workspace name", settings.Name),
            Field("Hours per developer-day", settings.HoursPerDay?.ToString("0.##", CultureInfo.InvariantCulture)),
            Field("Current phase", settings.PinnedPhaseNumber?.ToString(CultureInfo.InvariantCulture)),
            Field("Anonymous read", settings.AllowAnonymousRead is { } open ? (open ? "on" : "off") : null),
            Field("Time zone", settings.TimeZoneId),
        ];
    }

    /// <summary>How a history entry names an item ("Item 3: Load Testing Suite").</summary>
    public static string LabelOf(DeferredItem item) => $"Item {item.Number}: {item.Title}";

    public static string LabelOf(DecisionRecord record) => $"{Values.AdrName(record.Number)}: {record.Title}";

    public static string LabelOf(RoadmapWeek week) => $"Week {week.Number}: {week.Theme}";

    /// <summary>How a history entry names a phase's overview ("Phase 2: 📋 Phase 2 Tracking — Deferred Items").</summary>
    public static string LabelOf(Phase phase) => $"Phase {phase.Number}: {phase.Title}";

    private static KeyValuePair<string, string?> Field(string name, string? value) =>
        new(name, string.IsNullOrEmpty(value) ? null : value);

    private static string? Lines(IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines);
        return text.Length == 0 ? null : text;
    }
}
