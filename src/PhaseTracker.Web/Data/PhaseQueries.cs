using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data;

public static class PhaseQueries
{
    /// <summary>
    /// The current phase first: the one an import (or a lead) made current last. A phase never made
    /// current comes after the others on every database (PostgreSQL sorts nulls first when descending).
    /// </summary>
    public static IQueryable<Phase> CurrentFirst(this IQueryable<Phase> phases) =>
        phases.OrderBy(p => p.MadeCurrentAtUtc == null).ThenByDescending(p => p.MadeCurrentAtUtc).ThenByDescending(p => p.Id);

    /// <summary>The phase with that number, or the current one when no number is given.</summary>
    public static IQueryable<Phase> NumberedOrCurrent(this IQueryable<Phase> phases, int? number) =>
        number is { } n ? phases.Where(p => p.Number == n).OrderBy(p => p.Id) : phases.CurrentFirst();
}
