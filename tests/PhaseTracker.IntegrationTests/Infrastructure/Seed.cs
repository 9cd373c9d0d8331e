using System.Text;

using PhaseTracker.Tracking;

namespace PhaseTracker.IntegrationTests.Infrastructure;

/// <summary>The sample document a fresh install shows, as shipped beside the app.</summary>
public static class Seed
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", "PHASE2_TRACKING.md");

    public static readonly string[] ItemTitles =
    [
        "studio-settings-form.tsx Cleanup",
        "Complete Bundle Analysis",
        "Load Testing Suite",
        "Frontend Integration Tests",
        "Monitoring Dashboard Implementation",
    ];

    public static byte[] Bytes => File.ReadAllBytes(Path);

    /// <summary>The seed after encoding repair: what a lossless export gives back.</summary>
    public static string RepairedText => TrackingDocumentReader.Read(Bytes).Text;

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
