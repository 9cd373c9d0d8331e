using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PhaseTracker.Web.Data;

/// <summary>
/// Compares an entity's values, property by property, with the model's own value comparers: an import
/// writes a row only where a value really changed. Values only the database keeps (a row version, a
/// deletion time, an item's deferrals) can be left out of the comparison by name.
/// </summary>
public sealed class EntityValues<T>
    where T : class
{
    private readonly (IClrPropertyGetter Getter, ValueComparer Comparer)[] _properties;

    /// <param name="db">The context whose model says which properties there are and how to compare them.</param>
    /// <param name="excluding">Names of properties to leave out; names the entity does not have are ignored.</param>
    public EntityValues(DbContext db, params string[] excluding)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(excluding);
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        _properties = [.. entityType.GetProperties()
            .Where(p => !p.IsPrimaryKey() && !excluding.Contains(p.Name, StringComparer.Ordinal))
            .Select(p => (p.GetGetter(), p.GetValueComparer()))];
    }

    /// <summary>Whether every value but the key is the same.</summary>
    public bool AreEqual(T left, T right)
    {
        foreach (var (getter, comparer) in _properties)
        {
            if (!comparer.Equals(getter.GetClrValueUsingContainingEntity(left), getter.GetClrValueUsingContainingEntity(right)))
            {
                return false;
            }
        }

        return true;
    }

    public bool AreEqual(IReadOnlyList<T> left, IReadOnlyList<T> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!AreEqual(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
