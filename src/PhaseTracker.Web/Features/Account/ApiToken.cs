namespace PhaseTracker.Web.Features.Account;

/// <summary>
/// A personal API token for automation. The secret is shown once when it is made; only its SHA-256
/// hash is kept, so a copy of the database does not hand out working tokens.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public UserAccount? User { get; set; }

    /// <summary>What the owner calls it ("CI export").</summary>
    public string Name { get; set; } = "";

    /// <summary>The SHA-256 hash of the whole secret, as 64 lowercase hex digits.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>The first characters of the secret, enough for the owner to tell their tokens apart.</summary>
    public string Hint { get; set; } = "";

    /// <summary>A read-only token may read (GET and HEAD) and nothing else, whatever its owner's role.</summary>
    public bool IsReadOnly { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public DateTime? LastUsedUtc { get; set; }

    public bool IsActiveAt(DateTime utcNow) => RevokedUtc is null && ExpiresUtc > utcNow;
}
