using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore.Query;

using PhaseTracker.Domain;
using PhaseTracker.Web.Features.Settings;

namespace PhaseTracker.Web.Data;

public static class PhaseQueries
{
    /// <summary>
    /// The current phase first (PRODUCT.md rule 7): the phase pinned on <c>/settings</c> where it still
    /// exists, else the one an import (or a lead) made current last. A phase never made current comes
    /// after the others on every database (PostgreSQL sorts nulls first when descending).
    /// </summary>
    /// <remarks>
    /// The pin is read in the same SQL statement (a correlated EXISTS on the settings row), so every page
    /// and the export honour it without one more query and without each caller passing it along.
    /// </remarks>
    public static IQueryable<Phase> CurrentFirst(this IQueryable<Phase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var settings = WorkspaceSettingsBeside(phases);
        var pinnedFirst = settings is null
            ? phases.OrderBy(p => false)
            : phases.OrderByDescending(p => settings.Any(s => s.Id == WorkspaceSettings.SingletonId && s.PinnedPhaseNumber == p.Number));
        return pinnedFirst.ThenBy(p => p.MadeCurrentAtUtc == null).ThenByDescending(p => p.MadeCurrentAtUtc).ThenByDescending(p => p.Id);
    }

    /// <summary>The phase with that number, or the current one when no number is given.</summary>
    public static IQueryable<Phase> NumberedOrCurrent(this IQueryable<Phase> phases, int? number) =>
        number is { } n ? phases.Where(p => p.Number == n).OrderBy(p => p.Id) : phases.CurrentFirst();

    /// <summary>The settings table of the database <paramref name="phases"/> is read from; null for a query that is not EF Core's.</summary>
    private static IQueryable<WorkspaceSettings>? WorkspaceSettingsBeside(IQueryable<Phase> phases)
    {
        var root = QueryRootFinder.Find(phases.Expression);
        if (root?.QueryProvider is not { } provider || root.EntityType.Model.FindEntityType(typeof(WorkspaceSettings)) is not { } settingsType)
        {
            return null;
        }

        return provider.CreateQuery<WorkspaceSettings>(new EntityQueryRootExpression(provider, settingsType));
    }

    private sealed class QueryRootFinder : ExpressionVisitor
    {
        private EntityQueryRootExpression? _found;

        public static EntityQueryRootExpression? Find(Expression expression)
        {
            var finder = new QueryRootFinder();
            finder.Visit(expression);
            return finder._found;
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is EntityQueryRootExpression root)
            {
                _found ??= root;
                return node;
            }

            return base.VisitExtension(node);
        }
    }
}
