using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Features.Account;

/// <summary>A new token: the row kept, and the secret, which exists only until it is shown.</summary>
public sealed record IssuedToken(ApiToken Token, string Secret);

/// <summary>Issues, lists, revokes and checks personal API tokens.</summary>
public sealed class ApiTokenService(PhaseTrackerDbContext db, TimeProvider clock)
{
    public const string Prefix = "pt_";
    public const int DefaultLifetimeDays = 90;
    public const int MaxLifetimeDays = 365;
    public const int MaxNameLength = 100;

    // A used token's LastUsedUtc is written at most this often, not on every request.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<IssuedToken> IssueAsync(UserAccount user, string name, bool readOnly, int lifetimeDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetimeDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetimeDays, MaxLifetimeDays);

        // 256 random bits: nothing to guess, so a fast hash (SHA-256) is enough to keep it.
        var secret = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var trimmed = name.Trim();
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = trimmed.Length == 0 ? "Token" : trimmed[..Math.Min(trimmed.Length, MaxNameLength)],
            SecretHash = Hash(secret),
            Hint = secret[..(Prefix.Length + 4)],
            IsReadOnly = readOnly,
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(lifetimeDays),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(token, secret);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderBy(t => t.RevokedUtc != null)
            .ThenByDescending(t => t.CreatedUtc)
            .ToListAsync(cancellationToken);

    /// <summary>Revokes one of the user's own tokens; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.ApiTokens
            .Where(t => t.Id == tokenId && t.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedUtc, t => t.RevokedUtc ?? now), cancellationToken);
        return changed > 0;
    }

    /// <summary>The token's row and its enabled owner, or null when the secret is unknown, revoked, expired or its owner disabled.</summary>
    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.AsNoTracking()
            .Include(t => t.User)
            .SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (token is not { User.IsDisabled: false } || !token.IsActiveAt(now))
        {
            return null;
        }

        if (token.LastUsedUtc is not { } lastUsed || now - lastUsed > LastUsedPrecision)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedUtc, now), cancellationToken);
        }

        return token;
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
