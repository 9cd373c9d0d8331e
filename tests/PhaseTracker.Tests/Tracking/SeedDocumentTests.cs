using System.Text;
using PhaseTracker.Domain;

namespace PhaseTracker.Tests.Tracking;

public class SeedDocumentTests
{
    private readonly ReadResultFixture _seed = new();

    [Fact]
    public void Seed_round_trips_byte_for_byte_once_repaired()
    {
        var result = _seed.Result;
        var exported = Documents.Export(result);
        Assert.Equal(result.Text, exported);
        Assert.Equal(Encoding.UTF8.GetBytes(result.Text), Encoding.UTF8.GetBytes(exported));
    }
}

internal sealed class ReadResultFixture
{
    public PhaseTracker.Tracking.ReadResult Result { get; } = Documents.Read(Documents.Seed());
}
