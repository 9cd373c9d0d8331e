namespace PhaseTracker.Domain;

/// <summary>Work deferred from one phase to the next, as the document's "### N. Title" section holds it.</summary>
public class DeferredItem
{
    public int Id { get; set; }
    public int PhaseId { get; set; }
    public Phase? Phase { get; set; }

    /// <summary>The item's number within its phase ("### 3. Load Testing Suite").</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The file the item is about, without the code span's backticks.</summary>
    public string? FilePath { get; set; }

    /// <summary>The status as written: emoji, bold label and note ("🟡 **Left Untouched** (local edits exist)").</summary>
    public string? StatusEmoji { get; set; }
    public string? StatusLabel { get; set; }
    public string? StatusNote { get; set; }

    public bool IsComplete { get; set; }

    public List<string> WhyDeferred { get; set; } = [];
    public List<string> Done { get; set; } = [];
    public List<string> Missing { get; set; } = [];
    public List<PlanStep> Plan { get; set; } = [];

    /// <summary>Estimated effort in hours; null where the document gives none or none that reads as a number.</summary>
    public double? EffortHours { get; set; }

    /// <summary>0 to 3 for P0 (most urgent) to P3; null where the document gives none that reads.</summary>
    public int? Priority { get; set; }

    /// <summary>The word after the priority ("Medium" in "P2 (Medium)").</summary>
    public string? PriorityLabel { get; set; }

    /// <summary>The impact, which the document keeps in the priority matrix ("Critical", "High").</summary>
    public string? Impact { get; set; }

    public string? Owner { get; set; }
    public string? TrackingIssue { get; set; }

    /// <summary>The completion date as the document writes it ("November 14, 2025").</summary>
    public string? CompletedOn { get; set; }

    public string? PullRequest { get; set; }

    /// <summary>"Changes to Plan": how the work differed from the plan, noted when the item is completed.</summary>
    public List<string> ChangesToPlan { get; set; } = [];

    /// <summary>Every move of the item from one phase to the next, oldest first, with its reason and date.</summary>
    public List<Deferral> Deferrals { get; set; } = [];

    /// <summary>
    /// Counts the saves of this item; the app increments it on every change (SQLite has no row version of
    /// its own) and refuses a save made from a form that read an older one.
    /// </summary>
    public int RowVersion { get; set; }

    /// <summary>When a lead or an import removed the item; a removed item is kept so the history can undo it.</summary>
    public DateTime? DeletedAtUtc { get; set; }

    /// <summary>The item's section as last imported or exported; the writer patches it field by field.</summary>
    public string Source { get; set; } = "";

    /// <summary>A hash of the values <see cref="Source"/> holds, so an unchanged item is written without parsing.</summary>
    public string SourceFingerprint { get; set; } = "";

    /// <summary>The line of the item's heading in the document it came from.</summary>
    public int Line { get; set; }

    /// <summary>
    /// The item's words lower-cased in one column, so free-text search is one case-insensitive LIKE
    /// that behaves the same on every database. Kept up to date by <see cref="RefreshSearchText"/>.
    /// </summary>
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() =>
        SearchText = string.Join('\n', new[] { Title, FilePath, StatusLabel, StatusNote, Owner, Impact, TrackingIssue }
            .Concat(WhyDeferred).Concat(Done).Concat(Missing)
            .Concat(Plan.SelectMany(step => step.SubSteps.Prepend(step.Text)))
            .Where(text => !string.IsNullOrEmpty(text)))
            .ToLowerInvariant();
}

/// <summary>A move of an item from one phase to the next ("Phase 2 → Phase 3"), with the lead's reason.</summary>
/// <param name="Date">The date as the document writes its dates ("November 12, 2025").</param>
public sealed record Deferral(int FromPhase, int ToPhase, string Reason, string Date);

/// <summary>A step of an item's plan, with one level of sub-steps.</summary>
public sealed record PlanStep(string Text, List<string> SubSteps)
{
    public PlanStep(string text) : this(text, []) { }

    public bool Equals(PlanStep? other) =>
        other is not null && Text == other.Text && SubSteps.SequenceEqual(other.SubSteps);

    public override int GetHashCode() => HashCode.Combine(Text, SubSteps.Count);
}
