namespace PhaseTracker.Domain;

/// <summary>An architecture decision record ("### ADR-001: Remove Prisma in Favor of SQLAlchemy").</summary>
public class DecisionRecord
{
    public int Id { get; set; }

    /// <summary>The ADR number, unique across phases (ADR-004 is 4).</summary>
    public int Number { get; set; }

    /// <summary>The phase whose document carries the record.</summary>
    public int PhaseId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The date as written ("November 12, 2025").</summary>
    public string? Date { get; set; }

    /// <summary>The status as written ("Accepted ✅").</summary>
    public string? Status { get; set; }

    public List<string> Context { get; set; } = [];
    public List<string> Decision { get; set; } = [];
    public List<Consequence> Consequences { get; set; } = [];
    public List<Alternative> Alternatives { get; set; } = [];

    public int? Supersedes { get; set; }
    public int? SupersededBy { get; set; }

    /// <summary>Counts the saves of this record (see <see cref="DeferredItem.RowVersion"/>).</summary>
    public int RowVersion { get; set; }

    /// <summary>When the record was deleted (soft delete: the history can restore it; its number stays taken); null while it is live.</summary>
    public DateTime? DeletedAtUtc { get; set; }

    public string Source { get; set; } = "";
    public string SourceFingerprint { get; set; } = "";
    public int Line { get; set; }
}

/// <summary>A consequence of a decision: positive (✅) or negative (⚠️), with its mark as written.</summary>
public sealed record Consequence(bool Positive, string Mark, string Text);

/// <summary>An alternative considered, with its verdict ("Rejected") and the reason given.</summary>
public sealed record Alternative(string Option, string? Verdict, string? Reason);
