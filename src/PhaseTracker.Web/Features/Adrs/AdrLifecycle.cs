using PhaseTracker.Tracking;

namespace PhaseTracker.Web.Features.Adrs;

/// <summary>
/// How a decision record's status may move: Proposed → Accepted or Rejected; Accepted → Deprecated or
/// Superseded by another record. Status text follows the seed document's style ("Accepted ✅").
/// </summary>
public static class AdrLifecycle
{
    public const string Proposed = "Proposed";
    public const string Accepted = "Accepted";
    public const string Rejected = "Rejected";
    public const string Deprecated = "Deprecated";
    public const string Superseded = "Superseded";

    /// <summary>The status a new record starts with.</summary>
    public const string ProposedText = Proposed;

    /// <summary>The status line for a move to <paramref name="target"/>; <paramref name="supersededBy"/> names the newer record.</summary>
    public static string StatusText(string target, int? supersededBy = null) => target switch
    {
        Accepted => "Accepted ✅",
        Rejected => "Rejected ❌",
        Deprecated => "Deprecated ⚠️",
        Superseded => $"Superseded by {Values.AdrName(supersededBy ?? 0)}",
        _ => Proposed,
    };

    /// <summary>The moves open from a status (its first word, as <see cref="AdrName.StatusWord"/> reads it).</summary>
    public static IReadOnlyList<string> MovesFrom(string? status) => Word(status) switch
    {
        Proposed => [Accepted, Rejected],
        Accepted => [Deprecated, Superseded],
        _ => [],
    };

    /// <summary>Null when the move is allowed, else the one sentence that says why not.</summary>
    public static string? Refusal(string name, string? status, string target)
    {
        if (MovesFrom(status).Contains(target, StringComparer.Ordinal))
        {
            return null;
        }

        var now = Word(status) is { } word ? $"is {word.ToLowerInvariant()}" : "has no status";
        return target switch
        {
            Accepted or Rejected => $"{name} {now}; only a proposed record can be {target.ToLowerInvariant()}.",
            Deprecated or Superseded => $"{name} {now}; only an accepted record can be {target.ToLowerInvariant()}.",
            _ => $"{name} cannot move to \"{target}\"; a record can be accepted, rejected, deprecated or superseded.",
        };
    }

    private static string? Word(string? status) =>
        AdrName.StatusWord(status) is { } word ? char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant() : null;
}
