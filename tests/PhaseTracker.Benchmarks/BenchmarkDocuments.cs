using System.Text;

namespace PhaseTracker.Benchmarks;

/// <summary>The generated documents the benchmarks and the timing script use, by item count.</summary>
public static class BenchmarkDocuments
{
    public const int Seed = 42;

    /// <summary>Decision records grow with the document too: one per hundred items, at least four (as in the seed).</summary>
    public static int DecisionRecordsFor(int items) => Math.Clamp(items / 100, 4, 999);

    public static string Text(int items) => TrackingDocumentGenerator.Generate(items, DecisionRecordsFor(items), Seed);

    public static byte[] Bytes(int items) => Encoding.UTF8.GetBytes(Text(items));

    public static string FileName(int items) => $"items-{items}.md";
}
