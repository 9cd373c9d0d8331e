namespace PhaseTracker.Web.Features.Charts;

/// <summary>The impact scale of the priority matrix, in order; what the document writes outside it is <see cref="Unknown"/>.</summary>
public enum ImpactLevel
{
    Unknown,
    Low,
    Medium,
    High,
    Critical,
}

public static class ImpactLevels
{
    /// <summary>Top to bottom as the chart draws them.</summary>
    public static IReadOnlyList<ImpactLevel> Descending { get; } = [ImpactLevel.Critical, ImpactLevel.High, ImpactLevel.Medium, ImpactLevel.Low];

    /// <summary>Reads the impact cell as written ("High", "critical ", "Med"); anything else is unknown.</summary>
    public static ImpactLevel Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "LOW" => ImpactLevel.Low,
        "MEDIUM" or "MED" or "MODERATE" => ImpactLevel.Medium,
        "HIGH" => ImpactLevel.High,
        "CRITICAL" or "VERY HIGH" => ImpactLevel.Critical,
        _ => ImpactLevel.Unknown,
    };

    /// <summary>High and critical impact make the upper half of the matrix.</summary>
    public static bool IsHigh(this ImpactLevel level) => level is ImpactLevel.High or ImpactLevel.Critical;

    public static string Name(this ImpactLevel level) => level == ImpactLevel.Unknown ? "Unknown" : level.ToString();
}
