namespace PhaseTracker.Domain;

/// <summary>A week of the roadmap ("### Week 1: Critical Infrastructure") with its day blocks.</summary>
public class RoadmapWeek
{
    public int Id { get; set; }
    public int PhaseId { get; set; }
    public int Number { get; set; }
    public string Theme { get; set; } = "";
    public List<RoadmapBlock> Blocks { get; set; } = [];

    /// <summary>Counts the saves of this week (see <see cref="DeferredItem.RowVersion"/>).</summary>
    public int RowVersion { get; set; }

    /// <summary>When the week was deleted (soft delete: the history can restore it); null while it is live.</summary>
    public DateTime? DeletedAtUtc { get; set; }

    public string Source { get; set; } = "";
    public string SourceFingerprint { get; set; } = "";
    public int Line { get; set; }
}

/// <summary>A day range of a week ("Day 1-2: Monitoring Dashboard Implementation") with its tasks.</summary>
public sealed class RoadmapBlock
{
    public int? StartDay { get; set; }
    public int? EndDay { get; set; }
    public string Title { get; set; } = "";
    public List<string> Tasks { get; set; } = [];

    /// <summary>The numbers of the items the block works on, matched from its title and tasks.</summary>
    public List<int> ItemNumbers { get; set; } = [];
}
