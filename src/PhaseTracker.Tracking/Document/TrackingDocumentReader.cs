using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

public static partial class TrackingDocumentReader
{
    /// <summary>Documents above this size are refused before any parsing.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>Decodes (repairing mojibake) and reads a document.</summary>
    public static ReadResult Read(ReadOnlySpan<byte> bytes) => throw new NotImplementedException();

    /// <summary>Reads a document that is already text.</summary>
    public static ReadResult Read(string text) => throw new NotImplementedException();
}
