namespace PhaseTracker.Web.Infrastructure.Security;

/// <summary>
/// The three roles, each including the one before: a Viewer reads (also where anonymous reading is
/// off), a Lead also edits and imports, an Admin also manages users. Every user has exactly one.
/// </summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Lead = "Lead";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Lead, Admin];

    /// <summary>The role as spelled here, whatever the case it was typed in; null for no role.</summary>
    public static string? Parse(string? name) =>
        All.FirstOrDefault(role => string.Equals(role, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
