using PhaseTracker.Domain;
using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Tracking;

/// <summary>The test documents: the seed and the golden files under Documents/.</summary>
internal static class Documents
{
    public static byte[] Seed() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", "PHASE2_TRACKING.md"));

    public static byte[] Golden(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Documents", name));

    public static ReadResult Read(byte[] bytes)
    {
        var result = TrackingDocumentReader.Read(bytes);
        Assert.True(result.Accepted, result.Rejection?.ToString());
        return result;
    }

    public static string Export(ReadResult result) => TrackingDocumentWriter.Write(result.Phase!, result.DecisionRecords);

    public static DeferredItem Item(ReadResult result, int number) => result.Phase!.Items.Single(i => i.Number == number);

    /// <summary>The lines that differ between two texts, as "-old" and "+new", in order.</summary>
    public static List<string> ChangedLines(string before, string after) => LineDiff.Changes(before, after);
}
