using System.Buffers.Binary;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Security;

public sealed class PasswordStorageTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task Passwords_are_stored_as_pbkdf2_with_at_least_210000_iterations()
    {
        var user = await factory.CreateUserAsync(Roles.Viewer);

        await using var db = CommandLineRun.OpenDatabase(factory.DatabasePath);
        var stored = await db.Users.Where(u => u.Email == user.Email).Select(u => u.PasswordHash).SingleAsync();

        // Identity's V3 format: 0x01, then the PRF, the iteration count and the salt length, big-endian.
        var bytes = Convert.FromBase64String(stored!);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1))); // HMAC-SHA512
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)) >= 210_000);
        Assert.DoesNotContain(user.Password, stored, StringComparison.Ordinal);
    }
}
