using BenchmarkDotNet.Attributes;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;

namespace PhaseTracker.Benchmarks;

/// <summary>The tracking-document engine alone: bytes to model, model to text. No database.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class EngineBenchmarks
{
    private byte[] _document = [];
    private Phase _phase = new();
    private List<DecisionRecord> _decisionRecords = [];

    [Params(1000, 10000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _document = BenchmarkDocuments.Bytes(Items);
        var read = TrackingDocumentReader.Read(_document);
        _phase = read.Phase ?? throw new InvalidOperationException($"The generated document was refused: {read.Rejection}");
        _decisionRecords = read.DecisionRecords;
    }

    /// <summary>Decode (with encoding repair), parse with Markdig, build the model, check the derived parts.</summary>
    [Benchmark]
    public ReadResult Read() => TrackingDocumentReader.Read(_document);

    /// <summary>Write the phase just read back to text (byte-identical to what was read).</summary>
    [Benchmark]
    public string Write() => TrackingDocumentWriter.Write(_phase, _decisionRecords);
}
