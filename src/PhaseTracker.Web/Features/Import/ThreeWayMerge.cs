using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Features.History;

namespace PhaseTracker.Web.Features.Import;

/// <summary>Which side wins a conflict between the document and the database.</summary>
public enum ConflictSide
{
    Document,
    Database,
}

/// <summary>
/// A field both the document and the database changed since the base, to different values. The
/// record and the field name it the way the history does ("Item 3", "Owner").
/// </summary>
public sealed record MergeConflict(string Record, string Field, string? Base, string? Database, string? Document)
{
    /// <summary>What a chosen side wins, or null where nobody chose yet.</summary>
    public ConflictSide? Resolution { get; init; }

    /// <summary>Names the conflict in a form or a request ("Item 3|Owner").</summary>
    public string Key => $"{Record}|{Field}";

    public override string ToString() =>
        $"Conflict in {Record}, {Field}: the database has {Quote(Database)}, the document has {Quote(Document)} (was {Quote(Base)}).";

    private static string Quote(string? value) => value is null ? "nothing" : $"\"{value.ReplaceLineEndings(" / ")}\"";
}

/// <summary>How conflicts are resolved: one side for all of them, or a side per conflict (by its key).</summary>
public sealed record ConflictResolution(ConflictSide? All, IReadOnlyDictionary<string, ConflictSide> PerConflict)
{
    public static ConflictResolution None { get; } = new(null, new Dictionary<string, ConflictSide>());

    public static ConflictResolution Everywhere(ConflictSide side) => new(side, new Dictionary<string, ConflictSide>());

    public ConflictSide? For(string key) => PerConflict.TryGetValue(key, out var side) ? side : All;
}

/// <summary>
/// The three-way merge of PRODUCT.md rule 8. The base is the text the phase was last imported from
/// (or exported to); the document is what comes in; the database is what the forms and the API made
/// of the phase since. Per record and per field: what only the document changed is taken, what only
/// the database changed is kept, and where both changed a field to different values there is a
/// conflict. The merge works on the document's records in place, so that the result keeps the
/// document's text and layout: a merged field the database wins is then written by the writer's
/// patching, the way a form edit is, and a merge that takes everything from the document is the
/// document itself, byte for byte.
/// </summary>
public sealed class ThreeWayMerge(ConflictResolution resolution)
{
    private const string Presence = "(record)";
    private const string Present = "present";
    private const string Removed = "removed";

    public List<MergeConflict> Conflicts { get; } = [];

    /// <summary>
    /// Whether records the database added since the base stay although the document lacks them (true
    /// unless the lead asked to remove everything the document does not have).
    /// </summary>
    public bool KeepDatabaseAdditions { get; init; } = true;

    /// <summary>Whether what the document lacks leaves the phase at all (not when the lead keeps it).</summary>
    public bool DocumentRemovesRecords { get; init; } = true;

    /// <summary>Merges the overview fields of the phase into <paramref name="document"/>.</summary>
    public void MergePhase(Phase @base, Phase database, Phase document) =>
        MergeFields("Overview", Snapshot(HistoryFields.Of(@base)), Snapshot(HistoryFields.Of(database)), database, document, PhaseFields);

    public void MergeItems(IEnumerable<DeferredItem> @base, IEnumerable<DeferredItem> database, List<DeferredItem> document) =>
        MergeRecords(@base, database, document, i => i.Number, i => $"Item {i.Number}", i => Snapshot(HistoryFields.Of(i)), ItemFields);

    public void MergeDecisionRecords(IEnumerable<DecisionRecord> @base, IEnumerable<DecisionRecord> database, List<DecisionRecord> document) =>
        MergeRecords(@base, database, document, r => r.Number, r => Values.AdrName(r.Number), r => Snapshot(HistoryFields.Of(r)), DecisionRecordFields);

    public void MergeRoadmapWeeks(IEnumerable<RoadmapWeek> @base, IEnumerable<RoadmapWeek> database, List<RoadmapWeek> document) =>
        MergeRecords(@base, database, document, w => w.Number, w => $"Week {w.Number}", WeekSnapshot, WeekFields);

    private void MergeRecords<T>(
        IEnumerable<T> @base,
        IEnumerable<T> database,
        List<T> document,
        Func<T, int> number,
        Func<T, string> label,
        Func<T, Dictionary<string, string?>> snapshot,
        Dictionary<string, Action<T, T>> fields)
        where T : class
    {
        var bases = ByNumber(@base, number);
        var stored = ByNumber(database, number);
        var incoming = ByNumber(document, number);

        foreach (var (key, theirs) in incoming)
        {
            bases.TryGetValue(key, out var was);
            if (stored.Remove(key, out var ours))
            {
                // Present on both sides: field by field, against the base where it had the record.
                var baseValues = was is null ? [] : snapshot(was);
                MergeFields(label(theirs), baseValues, snapshot(ours), ours, theirs, fields, snapshot);
            }
            else if (was is not null && Same(snapshot(was), snapshot(theirs)))
            {
                // The database removed it and the document did not touch it: it stays removed.
                document.Remove(theirs);
            }
            else if (was is not null && Decide(new MergeConflict(label(theirs), Presence, Present, Removed, "changed")) == ConflictSide.Database)
            {
                document.Remove(theirs);
            }
        }

        // What the database has and the document does not.
        foreach (var (key, ours) in stored)
        {
            if (!bases.TryGetValue(key, out var was))
            {
                // Added in the database since the base (a form or the API): kept.
                if (KeepDatabaseAdditions)
                {
                    document.Add(ours);
                }
            }
            else if (DocumentRemovesRecords
                && !Same(snapshot(was), snapshot(ours))
                && Decide(new MergeConflict(label(ours), Presence, Present, "changed", Removed)) == ConflictSide.Database)
            {
                // The document removed what the database changed since: the database's choice keeps it.
                document.Add(ours);
            }
        }
    }

    private void MergeFields<T>(
        string record,
        Dictionary<string, string?> baseValues,
        Dictionary<string, string?> ours,
        T database,
        T document,
        Dictionary<string, Action<T, T>> fields,
        Func<T, Dictionary<string, string?>>? snapshot = null)
    {
        var theirs = snapshot is null ? Snapshot(document) : snapshot(document);
        if (Same(ours, theirs))
        {
            return;
        }

        foreach (var (field, copy) in fields)
        {
            var b = baseValues.GetValueOrDefault(field);
            var d = ours.GetValueOrDefault(field);
            var o = theirs.GetValueOrDefault(field);
            if (d == o || b == d)
            {
                continue;
            }

            if (b == o || Decide(new MergeConflict(record, field, b, d, o)) == ConflictSide.Database)
            {
                copy(database, document);
            }
        }
    }

    /// <summary>Records the conflict with the side chosen for it, and gives that side (the document's while none is chosen).</summary>
    private ConflictSide Decide(MergeConflict conflict)
    {
        var side = resolution.For(conflict.Key);
        Conflicts.Add(conflict with { Resolution = side });
        return side ?? ConflictSide.Document;
    }

    private static Dictionary<string, string?> Snapshot<T>(T record) => record switch
    {
        Phase phase => Snapshot(HistoryFields.Of(phase)),
        _ => throw new ArgumentException("No field list for this record.", nameof(record)),
    };

    private static Dictionary<string, string?> Snapshot(IReadOnlyList<KeyValuePair<string, string?>> fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    private static Dictionary<string, string?> WeekSnapshot(RoadmapWeek week)
    {
        var fields = HistoryFields.Of(week);
        return new()
        {
            ["Theme"] = fields[0].Value,
            ["Blocks"] = string.Join("\n", fields.Skip(1).Select(f => f.Value)),
        };
    }

    /// <summary>The records by number; where a document repeats a number, the first one (the reader warns about the rest).</summary>
    private static Dictionary<int, T> ByNumber<T>(IEnumerable<T> records, Func<T, int> number)
    {
        var byNumber = new Dictionary<int, T>();
        foreach (var record in records)
        {
            byNumber.TryAdd(number(record), record);
        }

        return byNumber;
    }

    private static bool Same(Dictionary<string, string?> a, Dictionary<string, string?> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    // How each field of the history's field lists is copied from the database's record to the document's.
    private static readonly Dictionary<string, Action<Phase, Phase>> PhaseFields = new()
    {
        ["Title"] = (from, to) => to.Title = from.Title,
        ["Purpose"] = (from, to) => to.Purpose = from.Purpose,
        ["Status"] = (from, to) => to.StatusLine = from.StatusLine,
        ["Timeline"] = (from, to) => to.Timeline = from.Timeline,
    };

    private static readonly Dictionary<string, Action<DeferredItem, DeferredItem>> ItemFields = new()
    {
        ["Title"] = (from, to) => to.Title = from.Title,
        ["File"] = (from, to) => to.FilePath = from.FilePath,
        ["Status"] = (from, to) =>
        {
            to.StatusEmoji = from.StatusEmoji;
            to.StatusLabel = from.StatusLabel;
            to.StatusNote = from.StatusNote;
            to.IsComplete = from.IsComplete;
        },
        ["Why Deferred"] = (from, to) => to.WhyDeferred = [.. from.WhyDeferred],
        ["What's Done"] = (from, to) => to.Done = [.. from.Done],
        ["What's Missing"] = (from, to) => to.Missing = [.. from.Missing],
        ["Plan"] = (from, to) => to.Plan = [.. from.Plan],
        ["Estimated Effort"] = (from, to) => to.EffortHours = from.EffortHours,
        ["Priority"] = (from, to) =>
        {
            to.Priority = from.Priority;
            to.PriorityLabel = from.PriorityLabel;
        },
        ["Impact"] = (from, to) => to.Impact = from.Impact,
        ["Owner"] = (from, to) => to.Owner = from.Owner,
        ["Tracking Issue"] = (from, to) => to.TrackingIssue = from.TrackingIssue,
        ["Completed"] = (from, to) => to.CompletedOn = from.CompletedOn,
        ["PR"] = (from, to) => to.PullRequest = from.PullRequest,
        ["Changes to Plan"] = (from, to) => to.ChangesToPlan = [.. from.ChangesToPlan],
    };

    private static readonly Dictionary<string, Action<DecisionRecord, DecisionRecord>> DecisionRecordFields = new()
    {
        ["Title"] = (from, to) => to.Title = from.Title,
        ["Date"] = (from, to) => to.Date = from.Date,
        ["Status"] = (from, to) => to.Status = from.Status,
        ["Context"] = (from, to) => to.Context = [.. from.Context],
        ["Decision"] = (from, to) => to.Decision = [.. from.Decision],
        ["Consequences"] = (from, to) => to.Consequences = [.. from.Consequences],
        ["Alternatives Considered"] = (from, to) => to.Alternatives = [.. from.Alternatives],
        ["Supersedes"] = (from, to) => to.Supersedes = from.Supersedes,
        ["Superseded By"] = (from, to) => to.SupersededBy = from.SupersededBy,
    };

    private static readonly Dictionary<string, Action<RoadmapWeek, RoadmapWeek>> WeekFields = new()
    {
        ["Theme"] = (from, to) => to.Theme = from.Theme,
        ["Blocks"] = (from, to) => to.Blocks = from.Blocks,
    };
}
