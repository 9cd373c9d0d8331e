namespace PhaseTracker.Web.Features.Phases;

/// <summary>A phase's overview as the API shows it; <see cref="RowVersion"/> is also in the response's ETag.</summary>
public sealed record PhaseDto(
    int Number,
    string Title,
    string? Purpose,
    string? Status,
    string? Timeline,
    bool IsCurrent,
    int ItemCount,
    double TotalHours,
    int RowVersion);

/// <summary>A phase's overview fields. A PUT replaces them all (a field left out is emptied; the title is required).</summary>
public class PhaseInput
{
    public string? Title { get; set; }

    public string? Purpose { get; set; }

    /// <summary>The overview's status line, as the document writes it.</summary>
    public string? Status { get; set; }

    public string? Timeline { get; set; }
}

/// <summary>A new, empty phase: its number and, optionally, its overview.</summary>
public sealed class NewPhaseInput : PhaseInput
{
    /// <summary>The phase's number, from 1; no other phase may have it.</summary>
    public int? Number { get; set; }
}
